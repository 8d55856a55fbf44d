import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor.js';
import { systemClock } from '../../src/clock.js';
import { buildDataset, createDemoZoom, type DemoZoom } from '../../src/demo-zoom/index.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';

const CREDENTIALS = {
  accountId: 'acct-doctor',
  clientId: 'client-doctor',
  clientSecret: 'zoom-secret-for-doctor',
};
const BOT_TOKEN = 'xoxb-doctor-bot-token';

interface Fakes {
  zoom: DemoZoom;
  slack: FakeSlack;
  env: Record<string, string>;
}

describe('runDoctor', () => {
  let dir: string;
  let fakes: Fakes | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'doctor-'));
  });

  afterEach(async () => {
    await fakes?.zoom.close();
    await fakes?.slack.close();
    fakes = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (
    options: { zoomScopes?: string[]; slackScopes?: string[]; accountApiUrl?: string } = {},
  ): Promise<Fakes> => {
    const zoom = createDemoZoom({
      clock: systemClock,
      dataset: buildDataset({ users: [], sessions: [] }),
      credentials: CREDENTIALS,
      ...(options.zoomScopes === undefined ? {} : { grantedScopes: options.zoomScopes }),
      ...(options.accountApiUrl === undefined ? {} : { accountApiUrl: options.accountApiUrl }),
    });
    const address = await zoom.listen();
    const slack = await startFakeSlack({
      users: [],
      ...(options.slackScopes === undefined ? {} : { botScopes: options.slackScopes }),
    });
    fakes = {
      zoom,
      slack,
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: 'doctor-signing-secret',
        SLACK_API_URL: slack.apiUrl,
        ZOOM_ACCOUNT_ID: CREDENTIALS.accountId,
        ZOOM_CLIENT_ID: CREDENTIALS.clientId,
        ZOOM_CLIENT_SECRET: CREDENTIALS.clientSecret,
        ZOOM_API_BASE_URL: address.baseUrl,
        ZOOM_OAUTH_TOKEN_URL: address.tokenUrl,
        DATABASE_PATH: join(dir, 'doctor.db'),
      },
    };
    return fakes;
  };

  const run = async (env: Record<string, string>) => {
    let output = '';
    const code = await runDoctor({
      env,
      out: {
        write: (text: string) => {
          output += text;
        },
      },
    });
    return { code, output, line: (name: string) => lineOf(output, name) };
  };

  const lineOf = (output: string, name: string) =>
    output.split('\n').find((line) => line.slice(6).startsWith(name)) ?? '';

  it('passes every check and exits 0 when everything is set up as the README says', async () => {
    const { env } = await start();
    const { code, output } = await run(env);
    expect(output).not.toMatch(/^(FAIL|WARN)/m);
    expect(output.match(/^PASS/gm)?.length).toBe(10);
    expect(output).toContain('All checks passed.');
    expect(code).toBe(0);
  });

  it('reports a missing Zoom scope with its fix and exits non-zero', async () => {
    const { env } = await start({ zoomScopes: ['phone:read:admin', 'user:read:admin'] });
    const { code, output, line } = await run(env);
    expect(line('zoom scopes')).toMatch(/^FAIL .*missing phone_sms:read:admin/);
    expect(output).toMatch(
      /fix: .*Scopes: add phone:read:admin \+ phone_sms:read:admin, or phone:read:list_sms_sessions:admin/,
    );
    expect(code).toBe(1);
  });

  it('accepts the granular scope instead, and only warns without user:read:admin', async () => {
    const { env } = await start({ zoomScopes: ['phone:read:list_sms_sessions:admin'] });
    const { code, line } = await run(env);
    expect(line('zoom scopes')).toMatch(/^PASS/);
    expect(line('zoom link scopes')).toMatch(/^WARN .*missing user:read:admin/);
    expect(code).toBe(0);
  });

  it('warns without a send scope: Reply cannot work, everything else does', async () => {
    const { env } = await start({
      zoomScopes: ['phone:read:admin', 'phone_sms:read:admin', 'user:read:admin'],
    });
    const { code, output, line } = await run(env);
    expect(line('zoom send scope')).toMatch(/^WARN .*missing phone_sms:write:admin/);
    expect(output).toMatch(/fix: .*Scopes: add phone_sms:write:admin, or phone:write:admin/);
    expect(code).toBe(0);
  });

  it('accepts phone:write:admin as the send scope', async () => {
    const { env } = await start({
      zoomScopes: [
        'phone:read:admin',
        'phone_sms:read:admin',
        'user:read:admin',
        'phone:write:admin',
      ],
    });
    const { line } = await run(env);
    expect(line('zoom send scope')).toMatch(/^PASS/);
  });

  it('reports missing Slack bot scopes from auth.test’s x-oauth-scopes header', async () => {
    const { env } = await start({ slackScopes: ['commands', 'chat:write', 'users:read'] });
    const { code, output, line } = await run(env);
    expect(line('slack scopes')).toMatch(/^FAIL .*lacks users:read\.email/);
    expect(output).toContain('reinstall the app');
    expect(code).toBe(1);
  });

  it('names the credentials to fix when Zoom refuses them, and never prints the secret', async () => {
    const { env } = await start();
    const { code, output, line } = await run({ ...env, ZOOM_CLIENT_SECRET: 'wrong-zoom-secret' });
    expect(line('zoom token')).toMatch(/^FAIL .*invalid_client/);
    expect(output).toMatch(/fix: .*ZOOM_CLIENT_SECRET/);
    expect(line('zoom scopes')).toMatch(/^SKIP/);
    expect(output).not.toContain('wrong-zoom-secret');
    expect(output).not.toContain(BOT_TOKEN);
    expect(code).toBe(1);
  });

  it('says to set ZOOM_CLOUD=gov when the token belongs to Zoom for Government', async () => {
    const { env } = await start({ accountApiUrl: 'https://api.zoomgov.com' });
    const { code, output, line } = await run(env);
    expect(line('zoom api host')).toMatch(
      /^FAIL .*account's API is at https:\/\/api\.zoomgov\.com, but ZOOM_CLOUD=commercial/,
    );
    expect(output).toMatch(/fix: set ZOOM_CLOUD=gov/);
    expect(code).toBe(1);
  });

  it('reports a store it cannot open, with the fix for DATABASE_PATH', async () => {
    const { env } = await start();
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, '');
    const { code, output, line } = await run({
      ...env,
      DATABASE_PATH: join(notADirectory, 'sms-sessions.db'),
    });
    expect(line('store')).toMatch(/^FAIL .*SQLite at .*a-file\/sms-sessions\.db does not answer/);
    expect(output).toMatch(/fix: DATABASE_PATH/);
    expect(code).toBe(1);
  });

  it('stops after the configuration when it is invalid, naming the variable', async () => {
    const { code, output } = await run({ SLACK_BOT_TOKEN: 'not-a-token', PORT: 'eighty' });
    expect(output).toMatch(/^FAIL {2}configuration/m);
    expect(output).toContain('SLACK_BOT_TOKEN');
    expect(output).toContain('PORT');
    expect(output).not.toContain('zoom token');
    expect(code).toBe(1);
  });
});
