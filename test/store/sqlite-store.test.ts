import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHORT_LIVED_MAX_TTL_MS } from '../../src/store/short-lived-cache.js';
import { applyMigrations, migrations } from '../../src/store/sqlite-migrations.js';
import { createSqliteStore, openSqliteDatabase } from '../../src/store/sqlite-store.js';
import { SWEEP_BATCH, SWEEP_INTERVAL_MS } from '../../src/store/sqlite-sweeper.js';
import type { StoreDeps } from '../../src/store/types.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { describeStoreContract } from './contract.js';
import { createCapturingLogger, silentLogger } from './logger.js';

const root = mkdtempSync(join(tmpdir(), 'sms-sessions-sqlite-'));
let files = 0;
const freshPath = (): string => {
  files += 1;
  return join(root, `store-${files}`, 'sms-sessions.db');
};
/** A cache entry that outlives the short-lived tier, so it is written to the file. */
const ON_DISK_TTL_MS = SHORT_LIVED_MAX_TTL_MS + 60_000;

const deps = (): StoreDeps => ({ clock: createFakeClock(), logger: silentLogger });

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describeStoreContract('createSqliteStore', (storeDeps) =>
  createSqliteStore({ path: freshPath() }, storeDeps),
);

const schemaOf = (db: Database.Database): unknown =>
  db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();

const readLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const newline = output.indexOf('\n');
      if (newline >= 0) resolve(output.slice(0, newline));
    });
    child.once('exit', (code, signal) => {
      reject(new Error(`child exited early (code ${code}, signal ${signal})`));
    });
  });

describe('createSqliteStore', () => {
  it('creates the folder and the file when they are missing', async () => {
    const path = freshPath();
    const store = createSqliteStore({ path }, deps());
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it('keeps links, audit entries and cache values when the store is closed and reopened', async () => {
    const path = freshPath();
    const clock = createFakeClock();
    const first = createSqliteStore({ path }, { clock, logger: silentLogger });
    await first.setLink({
      slackUserId: 'U0ALICE',
      zoomUser: 'alice@example.com',
      setBy: 'U0ADMIN',
      setAt: '2026-11-26T12:00:00.000Z',
    });
    await first.appendAudit({
      actorSlackUserId: 'U0ADMIN',
      action: 'link',
      filters: {},
      allowed: true,
    });
    await first.cacheSet('filters', 'U0ALICE', { email: 'alice@example.com' }, ON_DISK_TTL_MS);
    await first.close();

    const second = createSqliteStore({ path }, { clock, logger: silentLogger });
    expect(await second.getLink('U0ALICE')).toMatchObject({ zoomUser: 'alice@example.com' });
    expect(await second.listAudit({ limit: 10 })).toMatchObject([{ action: 'link' }]);
    expect(await second.cacheGet('filters', 'U0ALICE')).toStrictEqual({
      email: 'alice@example.com',
    });
    await second.close();
  });

  it('keeps a link whose setLink resolved when the process is killed with SIGKILL', async () => {
    const path = freshPath();
    const fixture = fileURLToPath(new URL('./fixtures/set-link-then-hang.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fixture, path, 'U0KILLED', 'killed@example.com'],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      expect(await readLine(child)).toBe('linked');
    } finally {
      child.kill('SIGKILL');
    }
    const [, signal] = await once(child, 'exit');
    expect(signal).toBe('SIGKILL');
    expect(existsSync(`${path}-wal`)).toBe(true);

    const store = createSqliteStore({ path }, deps());
    expect(await store.getLink('U0KILLED')).toMatchObject({ zoomUser: 'killed@example.com' });
    await store.close();
  });

  it('logs and misses when a cached value is not JSON, without logging the key', async () => {
    const path = freshPath();
    const { logger, lines } = createCapturingLogger();
    const store = createSqliteStore({ path }, { clock: createFakeClock(), logger });
    await store.cacheSet('identity', 'alice@example.com', 'ok', ON_DISK_TTL_MS);
    const raw = new Database(path);
    raw.prepare("UPDATE cache SET value = '{not json'").run();
    raw.close();

    expect(await store.cacheGet('identity', 'alice@example.com')).toBeUndefined();
    expect(lines).toMatchObject([{ level: 40, store: 'sqlite', namespace: 'identity' }]);
    expect(JSON.stringify(lines)).not.toContain('alice@example.com');
    await store.close();
  });

  it('skips and logs an audit entry whose filters are damaged', async () => {
    const path = freshPath();
    const { logger, lines } = createCapturingLogger();
    const store = createSqliteStore({ path }, { clock: createFakeClock(), logger });
    await store.appendAudit({
      actorSlackUserId: 'U0A',
      action: 'damaged',
      filters: {},
      allowed: true,
    });
    await store.appendAudit({
      actorSlackUserId: 'U0A',
      action: 'fine',
      filters: {},
      allowed: true,
    });
    const raw = new Database(path);
    raw.prepare("UPDATE audit SET filters = '[1' WHERE action = 'damaged'").run();
    raw.close();

    expect(await store.listAudit({ limit: 10 })).toMatchObject([{ action: 'fine' }]);
    expect(lines).toMatchObject([{ level: 40, store: 'sqlite', auditId: expect.any(String) }]);
    await store.close();
  });

  describe('short-lived cache entries', () => {
    it('stay in memory: no row is written, and reading one needs no query', async () => {
      const path = freshPath();
      const clock = createFakeClock();
      const store = createSqliteStore({ path }, { clock, logger: silentLogger });
      const raw = new Database(path);
      const rows = () => raw.prepare('SELECT namespace, key FROM cache').all();
      await store.cacheSet('page', 'p1', { sessions: 10 }, SHORT_LIVED_MAX_TTL_MS);
      await store.cacheSet('filters', 'U0A', { type: 'all' }, ON_DISK_TTL_MS);
      expect(rows()).toStrictEqual([{ namespace: 'filters', key: 'U0A' }]);
      expect(await store.cacheGet('page', 'p1')).toStrictEqual({ sessions: 10 });
      clock.advance(SHORT_LIVED_MAX_TTL_MS);
      expect(await store.cacheGet('page', 'p1')).toBeUndefined();
      expect(await store.cacheGet('filters', 'U0A')).toStrictEqual({ type: 'all' });
      raw.close();
      await store.close();
    });

    it('are gone after a restart, while longer-lived entries are not', async () => {
      const path = freshPath();
      const clock = createFakeClock();
      const first = createSqliteStore({ path }, { clock, logger: silentLogger });
      await first.cacheSet('page', 'p1', 1, 30_000);
      await first.cacheSet('filters', 'U0A', 2, ON_DISK_TTL_MS);
      await first.close();
      const second = createSqliteStore({ path }, { clock, logger: silentLogger });
      expect(await second.cacheGet('page', 'p1')).toBeUndefined();
      expect(await second.cacheGet('filters', 'U0A')).toBe(2);
      await second.close();
    });

    it('replace an older entry of the same key in either tier, and are deleted from both', async () => {
      const store = createSqliteStore({ path: freshPath() }, deps());
      await store.cacheSet('ns', 'k', 'short', 30_000);
      await store.cacheSet('ns', 'k', 'long', ON_DISK_TTL_MS);
      expect(await store.cacheGet('ns', 'k')).toBe('long');
      await store.cacheSet('ns', 'k', 'short again', 30_000);
      expect(await store.cacheGet('ns', 'k')).toBe('short again');
      await store.cacheDelete('ns', 'k');
      expect(await store.cacheGet('ns', 'k')).toBeUndefined();
      await store.close();
    });
  });

  describe('expired cache rows', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('are deleted by a timer, not when a value is set, a batch at a time', async () => {
      const path = freshPath();
      const clock = createFakeClock();
      const store = createSqliteStore({ path }, { clock, logger: silentLogger });
      const raw = new Database(path);
      const keys = () => (raw.prepare('SELECT count(*) AS n FROM cache').get() as { n: number }).n;
      for (let i = 0; i < SWEEP_BATCH + 5; i += 1) {
        await store.cacheSet('filters', `k${i}`, i, ON_DISK_TTL_MS);
      }
      clock.advance(ON_DISK_TTL_MS);
      await store.cacheSet('filters', 'fresh', 'x', 2 * ON_DISK_TTL_MS);
      expect(keys()).toBe(SWEEP_BATCH + 6);
      await vi.advanceTimersByTimeAsync(SWEEP_INTERVAL_MS);
      expect(keys()).toBe(6);
      await vi.advanceTimersByTimeAsync(SWEEP_INTERVAL_MS);
      expect(raw.prepare('SELECT key FROM cache').all()).toStrictEqual([{ key: 'fresh' }]);
      raw.close();
      await store.close();
    });

    it('go with expired claims, which a claim itself never deletes', async () => {
      const path = freshPath();
      const clock = createFakeClock();
      const store = createSqliteStore({ path }, { clock, logger: silentLogger });
      const raw = new Database(path);
      const claims = () =>
        (raw.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;
      for (let i = 0; i < SWEEP_BATCH + 5; i += 1) {
        expect(await store.claimOnce(`slack-request:${i}`, 60_000, clock.now())).toBe(true);
      }
      clock.advance(60_000);
      expect(await store.claimOnce('slack-request:new', 60_000, clock.now())).toBe(true);
      expect(await store.claimOnce('slack-request:0', 60_000, clock.now())).toBe(true);
      expect(await store.claimOnce('slack-request:0', 60_000, clock.now())).toBe(false);
      expect(claims()).toBe(SWEEP_BATCH + 6);
      await vi.advanceTimersByTimeAsync(SWEEP_INTERVAL_MS);
      expect(claims()).toBe(6);
      await vi.advanceTimersByTimeAsync(SWEEP_INTERVAL_MS);
      expect(raw.prepare('SELECT key FROM claims ORDER BY key').all()).toStrictEqual([
        { key: 'slack-request:0' },
        { key: 'slack-request:new' },
      ]);
      raw.close();
      await store.close();
    });

    it('stop being swept once the store is closed', async () => {
      const store = createSqliteStore(
        { path: freshPath() },
        { clock: createFakeClock(), logger: silentLogger },
      );
      await store.close();
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});

describe('openSqliteDatabase', () => {
  it('uses WAL, synchronous NORMAL and the latest schema version when opened', () => {
    const db = openSqliteDatabase(freshPath());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('refuses a file written by a newer version of the app', () => {
    const path = freshPath();
    openSqliteDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openSqliteDatabase(path)).toThrow(/newer than this app supports/);
  });
});

describe('applyMigrations', () => {
  it('changes nothing when run again on a migrated database', () => {
    const db = new Database(':memory:');
    expect(applyMigrations(db)).toBe(migrations.length);
    const schema = schemaOf(db);
    expect(applyMigrations(db)).toBe(migrations.length);
    expect(schemaOf(db)).toStrictEqual(schema);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('applies only the new steps when the database is one version behind', () => {
    const db = new Database(':memory:');
    applyMigrations(db);
    const next = [...migrations, { name: 'notes', sql: 'CREATE TABLE notes (body TEXT) STRICT;' }];
    expect(applyMigrations(db, next)).toBe(next.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeDefined();
    db.close();
  });

  it('keeps audit entries written before counts existed, each counting one', () => {
    const db = new Database(':memory:');
    applyMigrations(db, migrations.slice(0, 1));
    db.prepare(
      `INSERT INTO audit (at_ms, actor_slack_user_id, action, filters, allowed)
       VALUES (0, 'U0OLD', 'list', '{}', 1)`,
    ).run();
    applyMigrations(db);
    expect(db.prepare('SELECT actor_slack_user_id, count FROM audit').all()).toStrictEqual([
      { actor_slack_user_id: 'U0OLD', count: 1 },
    ]);
    db.close();
  });

  it('keeps text activity written before failed texts were noted, with none failed', async () => {
    const path = freshPath();
    mkdirSync(dirname(path), { recursive: true });
    const raw = new Database(path);
    applyMigrations(raw, migrations.slice(0, 4));
    raw
      .prepare(
        `INSERT INTO text_activity (owner_zoom_user_id, session_id, last_in_ms, last_out_ms)
         VALUES ('zoom-alice', 's1', ?, 0)`,
      )
      .run(Date.parse('2026-11-26T10:00:00Z'));
    raw.close();
    const store = await createSqliteStore({ path }, deps());
    try {
      const expected = {
        ownerZoomUserId: 'zoom-alice',
        sessionId: 's1',
        lastInboundAt: '2026-11-26T10:00:00.000Z',
      };
      expect(await store.getTextActivity('zoom-alice', 's1')).toStrictEqual(expected);
      expect(await store.listUnanswered('zoom-alice', new Date(0), 10)).toStrictEqual([expected]);
    } finally {
      await store.close();
    }
  });

  it('leaves schema and version untouched when a step fails', () => {
    const db = new Database(':memory:');
    applyMigrations(db);
    const schema = schemaOf(db);
    const broken = [
      ...migrations,
      { name: 'half done', sql: 'CREATE TABLE extra (x TEXT); SELECT missing FROM nowhere;' },
    ];
    expect(() => applyMigrations(db, broken)).toThrow(/no such table/);
    expect(schemaOf(db)).toStrictEqual(schema);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });
});
