import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AUTOCHECKPOINT_PAGES, startCheckpointer } from '../../src/store/sqlite-checkpointer.js';
import { openSqliteDatabase } from '../../src/store/sqlite-store.js';
import { createCapturingLogger } from './logger.js';

const root = mkdtempSync(join(tmpdir(), 'sms-sessions-checkpoint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const freshPath = (): string => {
  files += 1;
  return join(root, `db-${files}.sqlite`);
};

const autocheckpoint = (db: ReturnType<typeof openSqliteDatabase>): unknown =>
  db.pragma('wal_autocheckpoint', { simple: true });

describe('startCheckpointer', () => {
  it('takes checkpoints over from the connection and copies the log back into the file', async () => {
    const path = freshPath();
    const db = openSqliteDatabase(path);
    const { logger, lines } = createCapturingLogger();
    const checkpointer = startCheckpointer(db, {
      path,
      busyTimeoutMs: 1_000,
      logger,
      intervalMs: 20,
    });
    await vi.waitFor(() => expect(checkpointer.running).toBe(true), { timeout: 10_000 });
    expect(autocheckpoint(db)).toBe(0);
    const insert = db.prepare(
      'INSERT INTO links (slack_user_id, zoom_user, set_by, set_at) VALUES (?, ?, ?, ?)',
    );
    for (let i = 0; i < 200; i += 1) insert.run(`U${i}`, `z${i}@example.com`, 'U0', '2026-12-01');
    await vi.waitFor(
      () => {
        const last = checkpointer.reports.at(-1);
        expect(last?.[1]).toBeGreaterThan(0);
        expect(last?.[2]).toBe(last?.[1]);
      },
      { timeout: 10_000 },
    );
    await checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    db.close();
    expect(lines).toEqual([]);
  });

  it('leaves checkpoints to the connection when the worker cannot start, and says so', async () => {
    const path = freshPath();
    const db = openSqliteDatabase(path);
    const { logger, lines } = createCapturingLogger();
    const checkpointer = startCheckpointer(db, {
      path,
      busyTimeoutMs: 1_000,
      logger,
      intervalMs: 20,
      driver: join(root, 'no-such-driver.js'),
    });
    await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 10_000 });
    expect(lines[0]).toMatchObject({
      level: 40,
      msg: 'SQLite checkpoints stay on the main thread',
    });
    expect(checkpointer.running).toBe(false);
    expect(autocheckpoint(db)).toBe(AUTOCHECKPOINT_PAGES);
    await checkpointer.stop();
    db.close();
  });

  it('never starts a worker for a store closed within the first interval', async () => {
    const path = freshPath();
    const db = openSqliteDatabase(path);
    const { logger } = createCapturingLogger();
    const checkpointer = startCheckpointer(db, { path, busyTimeoutMs: 1_000, logger });
    await checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    expect(autocheckpoint(db)).toBe(AUTOCHECKPOINT_PAGES);
    db.close();
  });
});
