import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageEvent } from '../../src/playground/page-protocol.js';
import type { TimelineMessage } from '../../src/playground/timeline.js';
import { openEventStream, postJson, startTestPlayground } from './playground-harness.js';

type Started = Awaited<ReturnType<typeof startTestPlayground>>;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN_EXIT_TIMEOUT_MS = 15_000;

const appAnswer =
  (userId: string, text: RegExp) =>
  (event: PageEvent): event is { type: 'message'; message: TimelineMessage } =>
    event.type === 'message' &&
    event.message.author.kind === 'app' &&
    event.message.visibleTo === userId &&
    text.test(JSON.stringify(event.message.blocks));

describe('startPlayground', () => {
  let started: Started;

  beforeAll(async () => {
    started = await startTestPlayground();
  });

  afterAll(async () => {
    await started?.playground.stop();
  });

  it('binds the page and the app to 127.0.0.1 only, by default', () => {
    expect(started.playground.address.address).toBe('127.0.0.1');
    expect(started.playground.app.address).toBe('127.0.0.1');
    expect(started.playground.zoom).toBe('demo');
  });

  it('runs the real app: a command reaches it signed and its answer comes back to the page', async () => {
    const stream = await openEventStream(started.origin);
    try {
      const sent = await postJson(started.origin, '/playground/command', {
        user: 'U0ALICE',
        text: '/sms-sessions type:all size:3',
      });
      expect(await sent.json()).toEqual({ ok: true });
      const { message } = await stream.waitFor(appAnswer('U0ALICE', /SMS conversations/));
      expect(JSON.stringify(message.blocks)).toContain('1–3, newest first');
    } finally {
      stream.close();
    }
  });

  it('sends app_home_opened and shows the Home tab the app publishes', async () => {
    const stream = await openEventStream(started.origin);
    try {
      const opened = await postJson(started.origin, '/playground/home', { user: 'U0BOB' });
      expect(await opened.json()).toEqual({ ok: true });
      const event = await stream.waitFor(
        (e): e is Extract<PageEvent, { type: 'home' }> =>
          e.type === 'home' && e.home.userId === 'U0BOB',
      );
      expect(event.home.view.blocks.length).toBeGreaterThan(0);
    } finally {
      stream.close();
    }
  });

  it('refuses any request naming a Host other than this machine (DNS rebinding)', async () => {
    const { port } = started.playground.address;
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port, path: '/playground/session', headers: { host: 'evil.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(403);
  });

  it('refuses a visitor action from another origin (a cross-site request)', async () => {
    const response = await postJson(
      started.origin,
      '/playground/command',
      { user: 'U0ALICE', text: '/sms-sessions' },
      { origin: 'http://evil.example' },
    );
    expect(response.status).toBe(403);
  });

  it('refuses a visitor action that is not JSON (a plain HTML form)', async () => {
    const response = await fetch(`${started.origin}/playground/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user=U0ALICE&text=%2Fsms-sessions',
    });
    expect(response.status).toBe(415);
  });

  it('serves the page with a strict Content-Security-Policy and nothing outside public/', async () => {
    const page = await fetch(`${started.origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Playground — demo data');
    expect((await fetch(`${started.origin}/static/..%2Fmain.ts`)).status).toBe(404);
    expect((await fetch(`${started.origin}/static/mrkdwn.d.ts`)).status).toBe(404);
  });
});

describe('npm run playground (src/playground/main.ts)', () => {
  it(
    'refuses production secrets in the environment and exits 1 without printing them',
    async () => {
      const secret = 'xoxb-2718281828-3141592653-AbCdEfGhIjKlMnOp';
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/playground/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: secret, PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += String(chunk);
      });
      child.stderr.on('data', (chunk) => {
        output += String(chunk);
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain('SLACK_BOT_TOKEN');
      expect(output).toContain('PLAYGROUND_ALLOW_SECRETS');
      expect(output).not.toContain(secret);
    },
    MAIN_EXIT_TIMEOUT_MS,
  );
});
