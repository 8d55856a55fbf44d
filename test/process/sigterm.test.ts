import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { buildDataset, createDemoZoom, demoSessions, demoUser } from '../../src/demo-zoom/index.js';
import { startFakeSlack } from '../helpers/fake-slack.js';
import { SIGNING_SECRET, ZOOM_CREDENTIALS } from '../helpers/harness.js';
import { commandBody, postSigned } from '../helpers/slack-requests.js';

const USER = { id: 'U0SIGTERM1', email: 'term@example.com', tz: 'UTC' };
const zoomUser = demoUser({ email: USER.email });

const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
};

const cleanups: Array<() => Promise<void> | void> = [];

describe('the process on SIGTERM', () => {
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('finishes the command in flight, closes the store and exits 0', async () => {
    const zoom = createDemoZoom({
      clock: systemClock,
      dataset: buildDataset({
        users: [zoomUser],
        sessions: demoSessions(zoomUser, 2, { newest: new Date() }),
      }),
      credentials: ZOOM_CREDENTIALS,
      latencyMs: 1_000,
    });
    const address = await zoom.listen();
    cleanups.push(() => zoom.close());
    const slack = await startFakeSlack({ users: [USER] });
    cleanups.push(() => slack.close());
    const dir = mkdtempSync(join(tmpdir(), 'sms-sessions-sigterm-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const databasePath = join(dir, 'app.db');
    const port = await freePort();

    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: new URL('../..', import.meta.url),
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: 'xoxb-test-bot-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        ZOOM_ACCOUNT_ID: ZOOM_CREDENTIALS.accountId,
        ZOOM_CLIENT_ID: ZOOM_CREDENTIALS.clientId,
        ZOOM_CLIENT_SECRET: ZOOM_CREDENTIALS.clientSecret,
        ZOOM_API_BASE_URL: address.baseUrl,
        ZOOM_OAUTH_TOKEN_URL: address.tokenUrl,
        DATABASE_PATH: databasePath,
        PORT: String(port),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    const deadline = Date.now() + 20_000;
    while (!output.includes('sms-sessions is running')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const ack = await postSigned(
      `http://127.0.0.1:${port}/slack/events`,
      commandBody({ user_id: USER.id, text: '', response_url: slack.responseUrl('in-flight') }),
      { secret: SIGNING_SECRET },
    );
    expect(ack.status).toBe(200);
    await slack.waitFor(() => zoom.countCalls('list') === 1, 'the command to reach Zoom', 10_000);
    child.kill('SIGTERM');

    const [code] = await exited;
    expect(code, output).toBe(0);
    const answer = slack.responses.find((post) => post.id === 'in-flight');
    expect(String(answer?.body.text)).toMatch(/SMS conversations? for/);
    expect(output).toContain('shut down cleanly');
    expect(existsSync(databasePath)).toBe(true);
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
    const db = new Database(databasePath, { readonly: true });
    const rows = db.prepare('SELECT actor_slack_user_id, action, result_count FROM audit').all();
    db.close();
    expect(rows, 'the audit row of the command answered while draining').toEqual([
      { actor_slack_user_id: USER.id, action: 'list', result_count: 2 },
    ]);
  }, 40_000);
});
