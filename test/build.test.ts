import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/clock.js';
import { buildDataset, createDemoZoom, type DemoZoom } from '../src/demo-zoom/index.js';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.js';
import { freePort } from './helpers/free-port.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;

/** The TypeScript build is slow on a busy machine. */
const BUILD_TIMEOUT_MS = 180_000;
/** How long the built app may take to answer /healthz. */
const START_TIMEOUT_MS = 20_000;

const CREDENTIALS = { accountId: 'acct-build', clientId: 'client-build', clientSecret: 'zs-build' };

const waitForHealth = async (url: string, child: ChildProcess) => {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    const status = await fetch(url).then(
      (response) => response.status,
      () => undefined,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no 200 from ${url}`);
};

describe('the production build', () => {
  let dir: string;
  let zoom: DemoZoom;
  let slack: FakeSlack;
  let env: Record<string, string>;

  beforeAll(async () => {
    await run('npm', ['run', 'build'], { cwd: root, timeout: BUILD_TIMEOUT_MS });
    dir = mkdtempSync(join(tmpdir(), 'sms-build-'));
    zoom = createDemoZoom({
      clock: systemClock,
      dataset: buildDataset({ users: [], sessions: [] }),
      credentials: CREDENTIALS,
      grantedScopes: ['phone:read:admin', 'user:read:admin'],
    });
    const address = await zoom.listen();
    slack = await startFakeSlack({ users: [] });
    env = {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-build-token',
      SLACK_SIGNING_SECRET: 'build-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      ZOOM_ACCOUNT_ID: CREDENTIALS.accountId,
      ZOOM_CLIENT_ID: CREDENTIALS.clientId,
      ZOOM_CLIENT_SECRET: CREDENTIALS.clientSecret,
      ZOOM_API_BASE_URL: address.baseUrl,
      ZOOM_OAUTH_TOKEN_URL: address.tokenUrl,
      DATABASE_PATH: join(dir, 'app.db'),
    };
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await zoom?.close();
    await slack?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('starts with node dist/index.js, serves health, readiness and metrics, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn('node', ['dist/index.js'], {
      cwd: root,
      env: { ...env, PORT: String(port), METRICS_ENABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += String(chunk);
    });
    try {
      await waitForHealth(`http://127.0.0.1:${port}/healthz`, child);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(stdout).toContain('sms-sessions is running');
    expect(stdout).not.toContain('zs-build');
  });

  it('runs node dist/cli.js doctor, which fails on the missing Zoom scope', async () => {
    const child = spawn('node', ['dist/cli.js', 'doctor'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += String(chunk);
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stdout).toMatch(/^FAIL {2}zoom scopes +missing phone_sms:read:admin/m);
    expect(stdout).toMatch(/^PASS {2}slack token/m);
    expect(code).toBe(1);
  });
});
