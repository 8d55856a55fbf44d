import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const schema = JSON.parse(
  readFileSync(new URL('../spec/slack/manifest.schema.json', import.meta.url), 'utf8'),
);
const readManifest = (name: string) =>
  parse(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8'));
const manifest = readManifest('manifest.yml');
const socketManifest = readManifest('manifest.socket-mode.yml');

/** The HTTP manifest without what only HTTP mode needs: the three request URLs. */
const withoutRequestUrls = (m: typeof manifest) => {
  const copy = structuredClone(m);
  for (const command of copy.features.slash_commands) delete command.url;
  delete copy.settings.event_subscriptions.request_url;
  delete copy.settings.interactivity.request_url;
  copy.settings.socket_mode_enabled = true;
  return copy;
};

describe('manifest.yml', () => {
  it('validates against Slack’s manifest schema 1.0.0', () => {
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
      schema,
    );
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares the slash command with escaping, interactivity, the Home tab and the scopes', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/sms-sessions', should_escape: true }),
    ]);
    expect(manifest.features.slash_commands[0].usage_hint).toEqual(
      expect.stringMatching(/since:.*filter:.*\| help$/),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'users:read',
        'users:read.email',
        'files:write',
        'im:write',
      ]),
    );
  });

  it.each([
    ['manifest.yml', manifest],
    ['manifest.socket-mode.yml', socketManifest],
  ])('shows the Messages tab read-only in %s, where exported files land', (_name, m) => {
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_read_only_enabled).toBe(true);
  });

  it('has a Socket Mode variant that validates and differs only by its request URLs', () => {
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
      schema,
    );
    expect(validate(socketManifest)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(socketManifest.settings.socket_mode_enabled).toBe(true);
    expect(socketManifest).toEqual(withoutRequestUrls(manifest));
  });

  it('rejects a manifest the schema forbids, so the validation can fail', () => {
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    expect(validate({ ...manifest, display_information: {} })).toBe(false);
  });
});
