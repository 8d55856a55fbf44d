import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { configSchema } from '../src/config-schema.js';

const minimal = {
  SLACK_BOT_TOKEN: 'xoxb-1-abc',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
  ZOOM_ACCOUNT_ID: 'account',
  ZOOM_CLIENT_ID: 'client',
  ZOOM_CLIENT_SECRET: 'client-secret-value',
};

const schemaKeys = Object.keys(configSchema.shape).sort();

const errorOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected loadConfig to fail');
};

describe('loadConfig', () => {
  it('applies the documented defaults when only the required variables are set', () => {
    const config = loadConfig(minimal);
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.zoom.apiBaseUrl).toBe('https://api.zoom.us/v2');
    expect(config.zoom.oauthTokenUrl).toBe('https://zoom.us/oauth/token');
    expect(config.adminSlackUserIds).toEqual([]);
    expect(config.slack.appToken).toBeUndefined();
  });

  it('names every offending variable at once and never echoes a value', () => {
    const message = errorOf({
      SLACK_BOT_TOKEN: 'not-a-bot-token-secret',
      PORT: 'eighty',
      ADMIN_SLACK_USER_IDS: 'U01ABCDEF, bogus-id',
      LOG_LEVEL: 'loud',
    });
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'ZOOM_ACCOUNT_ID',
      'ZOOM_CLIENT_ID',
      'ZOOM_CLIENT_SECRET',
      'PORT',
      'ADMIN_SLACK_USER_IDS',
      'LOG_LEVEL',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('not-a-bot-token-secret');
    expect(message).not.toContain('bogus-id');
  });

  it('runs in Socket Mode without a signing secret when SLACK_APP_TOKEN is set', () => {
    const { SLACK_SIGNING_SECRET: _unused, ...rest } = minimal;
    const config = loadConfig({ ...rest, SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(config.slack.appToken).toBe('xapp-1-abc');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ...minimal, SLACK_APP_TOKEN: '', PORT: '' }).port).toBe(3000);
  });

  it('parses admin ids and trims them', () => {
    expect(
      loadConfig({ ...minimal, ADMIN_SLACK_USER_IDS: ' U01ABCDEF ,W02GHIJKL' }).adminSlackUserIds,
    ).toEqual(['U01ABCDEF', 'W02GHIJKL']);
  });
});

describe('the documented variables', () => {
  it('are exactly the schema’s, in the README table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const rows = [...section.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect([...new Set(rows)].sort()).toEqual(schemaKeys);
  });

  it('are exactly the schema’s, in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const keys = [...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...new Set(keys)].sort()).toEqual(schemaKeys);
  });
});

describe('loadConfig identity and audit variables', () => {
  it('defaults to configured admins only, 90 days of audit and the store’s Redis prefix', () => {
    const config = loadConfig(minimal);
    expect(config.adminsIncludeWorkspaceAdmins).toBe(false);
    expect(config.auditRetentionDays).toBe(90);
    expect(config.store.redisKeyPrefix).toBeUndefined();
  });

  it('reads the flag as a boolean, the days as a number and the prefix as given', () => {
    const config = loadConfig({
      ...minimal,
      ADMINS_INCLUDE_WORKSPACE_ADMINS: 'false',
      AUDIT_RETENTION_DAYS: '30',
      REDIS_KEY_PREFIX: 'sms-sessions-staging:',
    });
    expect(config.adminsIncludeWorkspaceAdmins).toBe(false);
    expect(config.auditRetentionDays).toBe(30);
    expect(config.store.redisKeyPrefix).toBe('sms-sessions-staging:');
    expect(
      loadConfig({ ...minimal, ADMINS_INCLUDE_WORKSPACE_ADMINS: 'true' })
        .adminsIncludeWorkspaceAdmins,
    ).toBe(true);
  });

  it.each([
    ['ADMINS_INCLUDE_WORKSPACE_ADMINS', 'maybe'],
    ['AUDIT_RETENTION_DAYS', '0'],
    ['AUDIT_RETENTION_DAYS', '1.5'],
    ['AUDIT_RETENTION_DAYS', 'forever'],
    ['REDIS_KEY_PREFIX', 'has spaces in it'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(errorOf({ ...minimal, [name]: value })).toContain(name);
  });
});

describe('loadConfig operations variables', () => {
  it('points both Zoom URLs at Zoom for Government when ZOOM_CLOUD is gov', () => {
    const config = loadConfig({ ...minimal, ZOOM_CLOUD: 'gov' });
    expect(config.zoom).toMatchObject({
      cloud: 'gov',
      apiBaseUrl: 'https://api.zoomgov.com/v2',
      oauthTokenUrl: 'https://zoomgov.com/oauth/token',
    });
  });

  it('lets explicit Zoom URLs win over ZOOM_CLOUD', () => {
    const config = loadConfig({
      ...minimal,
      ZOOM_CLOUD: 'gov',
      ZOOM_API_BASE_URL: 'https://zoom.proxy.example/v2/',
      ZOOM_OAUTH_TOKEN_URL: 'https://zoom.proxy.example/oauth/token',
    });
    expect(config.zoom.apiBaseUrl).toBe('https://zoom.proxy.example/v2');
    expect(config.zoom.oauthTokenUrl).toBe('https://zoom.proxy.example/oauth/token');
  });

  it('keeps metrics off, on the app port, and phone numbers masked by default', () => {
    const config = loadConfig(minimal);
    expect(config.zoom.cloud).toBe('commercial');
    expect(config.metrics).toEqual({ enabled: false, port: undefined });
    expect(config.logPhoneNumbers).toBe(false);
  });

  it('reads the metrics and phone-number flags as booleans and the port as a number', () => {
    const config = loadConfig({
      ...minimal,
      METRICS_ENABLED: 'true',
      METRICS_PORT: '9464',
      LOG_PHONE_NUMBERS: 'true',
    });
    expect(config.metrics).toEqual({ enabled: true, port: 9464 });
    expect(config.logPhoneNumbers).toBe(true);
    expect(loadConfig({ ...minimal, METRICS_ENABLED: 'false' }).metrics.enabled).toBe(false);
  });

  it.each([
    ['ZOOM_CLOUD', 'eu'],
    ['METRICS_ENABLED', 'yes please'],
    ['METRICS_PORT', '70000'],
    ['LOG_PHONE_NUMBERS', 'maybe'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(errorOf({ ...minimal, [name]: value })).toContain(name);
  });
});

describe('loadConfig MAX_RANGE_MONTHS', () => {
  it('caps a listing at 12 months unless told otherwise', () => {
    expect(loadConfig(minimal).maxRangeMonths).toBe(12);
    expect(loadConfig({ ...minimal, MAX_RANGE_MONTHS: '3' }).maxRangeMonths).toBe(3);
    expect(loadConfig({ ...minimal, MAX_RANGE_MONTHS: '60' }).maxRangeMonths).toBe(60);
  });

  it.each(['0', '61', '1.5', 'a year'])('refuses MAX_RANGE_MONTHS=%s, naming it', (value) => {
    expect(errorOf({ ...minimal, MAX_RANGE_MONTHS: value })).toContain('MAX_RANGE_MONTHS');
  });
});

describe('loadConfig Zoom fairness and client limit', () => {
  it('gives each person a burst of 20, 30 a minute, 5 % of the day and admins 25 %', () => {
    expect(loadConfig(minimal).zoom.load.person).toEqual({
      burst: 20,
      perMinute: 30,
      dailySharePercent: 5,
      adminDailySharePercent: 25,
    });
    expect(
      loadConfig({ ...minimal, ZOOM_USER_DAILY_SHARE: '0.5' }).zoom.load.person.dailySharePercent,
    ).toBe(0.5);
  });

  it.each([
    ['ZOOM_USER_DAILY_SHARE', '0'],
    ['ZOOM_USER_DAILY_SHARE', '101'],
    ['ZOOM_ADMIN_DAILY_SHARE', 'half'],
    ['ZOOM_USER_BURST', '0'],
    ['ZOOM_USER_PER_MINUTE', '1.5'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(errorOf({ ...minimal, [name]: value })).toContain(name);
  });

  it.each(['http://127.0.0.1:4010/v2', 'http://localhost:4010/v2', 'http://[::1]:4010/v2'])(
    'lifts the client-side Zoom limit with ZOOM_RATE_LIMIT_PER_SECOND=0 for a loopback Zoom (%s)',
    (url) => {
      const config = loadConfig({
        ...minimal,
        ZOOM_RATE_LIMIT_PER_SECOND: '0',
        ZOOM_API_BASE_URL: url,
      });
      expect(config.zoom.load.ratePerSecond).toBe(0);
    },
  );

  it.each([undefined, 'https://api.zoom.us/v2', 'http://127.0.0.1.example.com/v2'])(
    'refuses ZOOM_RATE_LIMIT_PER_SECOND=0 for a Zoom that is not on this machine (%s)',
    (url) => {
      const message = errorOf({
        ...minimal,
        ZOOM_RATE_LIMIT_PER_SECOND: '0',
        ...(url === undefined ? {} : { ZOOM_API_BASE_URL: url }),
      });
      expect(message).toContain('ZOOM_RATE_LIMIT_PER_SECOND');
      expect(message).toContain('loopback');
    },
  );
});
