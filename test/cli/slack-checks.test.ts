import { describe, expect, it } from 'vitest';
import { checkSlack } from '../../src/cli/slack-checks.js';
import type { Config } from '../../src/config.js';
import { createFakeFetch, type FakeRoutes, jsonResponse } from '../helpers/fake-fetch.js';

const slack = (appToken?: string): Config['slack'] => ({
  botToken: 'xoxb-check',
  signingSecret: 'secret',
  appToken,
  apiUrl: 'https://slack.test/api/',
  allowedTeamIds: [],
});

const ALL_SCOPES =
  'commands,chat:write,users:read,users:read.email,files:write,im:write,channels:read,groups:read';

const statuses = async (routes: FakeRoutes, appToken?: string) => {
  const fake = createFakeFetch(routes);
  const results = await checkSlack({ slack: slack(appToken), fetch: fake.fetch });
  return { fake, results, byName: Object.fromEntries(results.map((r) => [r.name, r])) };
};

describe('checkSlack', () => {
  it('calls auth.test with the bot token and passes when every scope is listed', async () => {
    const { fake, byName } = await statuses({
      'POST /api/auth.test': () =>
        jsonResponse(
          { ok: true, team: 'Example', user: 'sms', url: 'https://example.slack.com/' },
          { headers: { 'x-oauth-scopes': ALL_SCOPES } },
        ),
    });
    expect(fake.calls[0]?.headers.authorization).toBe('Bearer xoxb-check');
    expect(byName['slack token']).toMatchObject({ status: 'pass' });
    expect(byName['slack token']?.summary).toContain('@sms in Example');
    expect(byName['slack scopes']).toMatchObject({ status: 'pass' });
    expect(byName['slack socket']).toMatchObject({ status: 'skip' });
  });

  it.each(['invalid_auth', 'token_revoked', 'account_inactive'])(
    'fails with the bot-token fix when auth.test answers %s',
    async (error) => {
      const { byName } = await statuses({
        'POST /api/auth.test': () => jsonResponse({ ok: false, error }),
      });
      expect(byName['slack token']).toMatchObject({ status: 'fail' });
      expect(byName['slack token']?.summary).toContain(error);
      expect(byName['slack token']?.fix).toContain('SLACK_BOT_TOKEN');
      expect(byName['slack scopes']).toMatchObject({ status: 'skip' });
    },
  );

  it('warns when Slack does not list the scopes', async () => {
    const { byName } = await statuses({
      'POST /api/auth.test': () => jsonResponse({ ok: true }),
    });
    expect(byName['slack scopes']).toMatchObject({ status: 'warn' });
  });

  it('fails naming SLACK_API_URL when Slack cannot be reached', async () => {
    const { byName } = await statuses({
      'POST /api/auth.test': () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(byName['slack token']).toMatchObject({ status: 'fail' });
    expect(byName['slack token']?.fix).toContain('SLACK_API_URL');
  });

  it('checks the app-level token with apps.connections.open in Socket Mode', async () => {
    const ok = await statuses(
      {
        'POST /api/auth.test': () =>
          jsonResponse({ ok: true }, { headers: { 'x-oauth-scopes': ALL_SCOPES } }),
        'POST /api/apps.connections.open': () => jsonResponse({ ok: true, url: 'wss://x' }),
      },
      'xapp-1-check',
    );
    expect(ok.fake.callsTo('POST /api/apps.connections.open')[0]?.headers.authorization).toBe(
      'Bearer xapp-1-check',
    );
    expect(ok.byName['slack socket']).toMatchObject({ status: 'pass' });

    const refused = await statuses(
      {
        'POST /api/auth.test': () =>
          jsonResponse({ ok: true }, { headers: { 'x-oauth-scopes': ALL_SCOPES } }),
        'POST /api/apps.connections.open': () =>
          jsonResponse({ ok: false, error: 'not_allowed_token_type' }),
      },
      'xapp-1-check',
    );
    expect(refused.byName['slack socket']).toMatchObject({ status: 'fail' });
    expect(refused.byName['slack socket']?.fix).toContain('connections:write');
  });
});
