import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor.js';
import { systemClock } from '../../src/clock.js';
import { buildDataset, createDemoZoom, type DemoZoom } from '../../src/demo-zoom/index.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';

const CREDENTIALS = {
  accountId: 'acct-proxy',
  clientId: 'client-proxy',
  clientSecret: 'zoom-secret-behind-proxy',
};

/**
 * Issue 12 part 3: the README documents `ZOOM_API_BASE_URL` for a proxy. Here the demo Zoom
 * plays the proxy (the app calls it on loopback) while its tokens say, as the real account's do,
 * that the account's API is `https://api.zoom.us` (or Zoom for Government's host).
 */
describe('runDoctor with an explicit ZOOM_API_BASE_URL', () => {
  let cleanup: Array<() => Promise<void> | void> = [];

  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  const setUp = async (accountApiUrl: string) => {
    const zoom: DemoZoom = createDemoZoom({
      clock: systemClock,
      dataset: buildDataset({ users: [], sessions: [] }),
      credentials: CREDENTIALS,
      accountApiUrl,
    });
    const proxy = await zoom.listen();
    const slack: FakeSlack = await startFakeSlack({ users: [] });
    const dir = mkdtempSync(join(tmpdir(), 'doctor-proxy-'));
    cleanup.push(
      () => zoom.close(),
      () => slack.close(),
      () => rmSync(dir, { recursive: true, force: true }),
    );
    return {
      SLACK_BOT_TOKEN: 'xoxb-doctor-proxy',
      SLACK_SIGNING_SECRET: 'doctor-proxy-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      ZOOM_ACCOUNT_ID: CREDENTIALS.accountId,
      ZOOM_CLIENT_ID: CREDENTIALS.clientId,
      ZOOM_CLIENT_SECRET: CREDENTIALS.clientSecret,
      ZOOM_API_BASE_URL: proxy.baseUrl,
      ZOOM_OAUTH_TOKEN_URL: proxy.tokenUrl,
      DATABASE_PATH: join(dir, 'doctor.db'),
    };
  };

  const run = async (env: Record<string, string>) => {
    let output = '';
    const write = (text: string) => {
      output += text;
    };
    const code = await runDoctor({ env, out: { write } });
    const line = output.split('\n').find((text) => text.slice(6).startsWith('zoom api host'));
    return { code, output, line: line ?? '' };
  };

  it('passes with a warning naming both URLs when the proxy stands before the right cloud', async () => {
    const env = await setUp('https://api.zoom.us');
    const { code, output, line } = await run(env);
    expect(line).toMatch(/^WARN /);
    expect(line).toContain(env.ZOOM_API_BASE_URL);
    expect(line).toContain('https://api.zoom.us');
    expect(output).not.toMatch(/^FAIL/m);
    expect(code).toBe(0);
  });

  it('still fails when the cloud is wrong, proxy or not', async () => {
    const env = await setUp('https://api.zoomgov.com');
    const { code, output, line } = await run(env);
    expect(line).toMatch(/^FAIL .*ZOOM_CLOUD=commercial/);
    expect(output).toMatch(/fix: set ZOOM_CLOUD=gov/);
    expect(code).toBe(1);
  });

  it('passes when ZOOM_CLOUD=gov matches the account behind the proxy', async () => {
    const env = await setUp('https://api.zoomgov.com');
    const { code, line } = await run({ ...env, ZOOM_CLOUD: 'gov' });
    expect(line).toMatch(/^WARN .*https:\/\/api\.zoomgov\.com/);
    expect(code).toBe(0);
  });

  it('still fails on a wrong Zoom secret behind the proxy, never printing it', async () => {
    const env = await setUp('https://api.zoom.us');
    const { code, output } = await run({ ...env, ZOOM_CLIENT_SECRET: 'not-the-zoom-secret' });
    expect(output).toMatch(/^FAIL {2}zoom token .*invalid_client/m);
    expect(output).not.toContain('not-the-zoom-secret');
    expect(code).toBe(1);
  });
});
