import { describe, expect, it } from 'vitest';
import {
  loadPlaygroundSettings,
  PlaygroundSettingsError,
  productionSecretsIn,
} from '../../src/playground/settings.js';

const refusalOf = (env: Record<string, string>): string => {
  try {
    loadPlaygroundSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(PlaygroundSettingsError);
    return (error as Error).message;
  }
  throw new Error('expected loadPlaygroundSettings to refuse');
};

const REAL_ZOOM = {
  ZOOM_ACCOUNT_ID: 'aCcOuNt123',
  ZOOM_CLIENT_ID: 'cLiEnT456',
  ZOOM_CLIENT_SECRET: 'k9Jq2vXw7Lm4Np8Rt3Zs',
};

describe('loadPlaygroundSettings', () => {
  it('listens on 127.0.0.1:3000 with the demo Zoom when nothing is set', () => {
    expect(loadPlaygroundSettings({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'warn',
      realZoom: undefined,
      adminEmail: undefined,
    });
  });

  it('takes PORT, PLAYGROUND_HOST and LOG_LEVEL, and treats empty values as unset', () => {
    const settings = loadPlaygroundSettings({
      PORT: '4010',
      PLAYGROUND_HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      ZOOM_CLIENT_SECRET: '',
    });
    expect(settings).toMatchObject({ port: 4010, host: '0.0.0.0', logLevel: 'debug' });
    expect(settings.realZoom).toBeUndefined();
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxb-2718281828-3141592653-AbCdEfGhIjKlMnOp'],
    ['SLACK_SIGNING_SECRET', '8f14e45fceea167a5a36dedd4bea2543'],
    ['SLACK_APP_TOKEN', 'xapp-1-A0123-4567-0a1b2c3d4e'],
    ['ZOOM_CLIENT_SECRET', 'k9Jq2vXw7Lm4Np8Rt3Zs'],
  ])('refuses to start with a production %s, naming it but never its value', (name, value) => {
    const message = refusalOf({ [name]: value, ZOOM_ACCOUNT_ID: 'a', ZOOM_CLIENT_ID: 'c' });
    expect(message).toContain(name);
    expect(message).toContain('PLAYGROUND_ALLOW_SECRETS=true');
    expect(message).not.toContain(value);
  });

  it('starts with the placeholders of .env.example and values marked demo', () => {
    expect(
      productionSecretsIn({
        SLACK_BOT_TOKEN: 'xoxb-your-bot-token',
        SLACK_SIGNING_SECRET: 'demo-signing-secret',
        ZOOM_CLIENT_SECRET: 'playground-demo-secret',
      }),
    ).toEqual([]);
  });

  it('uses real Zoom when its three credentials are set and secrets are allowed', () => {
    const settings = loadPlaygroundSettings({
      ...REAL_ZOOM,
      ZOOM_CLOUD: 'gov',
      PLAYGROUND_ALLOW_SECRETS: 'true',
      PLAYGROUND_ADMIN_EMAIL: 'me@example.org',
      SLACK_BOT_TOKEN: 'xoxb-2718281828-3141592653-AbCdEfGhIjKlMnOp',
    });
    expect(settings.realZoom?.variables).toEqual({ ...REAL_ZOOM, ZOOM_CLOUD: 'gov' });
    expect(settings.adminEmail).toBe('me@example.org');
  });

  it('refuses real Zoom credentials unless PLAYGROUND_ALLOW_SECRETS is true', () => {
    expect(refusalOf({ ...REAL_ZOOM, PLAYGROUND_ALLOW_SECRETS: 'false' })).toContain(
      'ZOOM_CLIENT_SECRET',
    );
  });

  it('names the missing ones when only some Zoom credentials are set', () => {
    const message = refusalOf({ ZOOM_ACCOUNT_ID: 'aCcOuNt123', PLAYGROUND_ALLOW_SECRETS: 'true' });
    expect(message).toContain('ZOOM_CLIENT_ID');
    expect(message).toContain('ZOOM_CLIENT_SECRET');
  });

  it('names every malformed variable', () => {
    const message = refusalOf({
      PORT: 'eighty',
      PLAYGROUND_ALLOW_SECRETS: 'maybe',
      PLAYGROUND_ADMIN_EMAIL: 'not-an-email',
    });
    for (const name of ['PORT', 'PLAYGROUND_ALLOW_SECRETS', 'PLAYGROUND_ADMIN_EMAIL']) {
      expect(message).toContain(name);
    }
  });
});
