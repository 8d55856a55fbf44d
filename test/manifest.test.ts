import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const schema = JSON.parse(
  readFileSync(new URL('../../shared/slack/manifest.schema.json', import.meta.url), 'utf8'),
);
const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8'));

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
    expect(manifest.features.slash_commands[0].usage_hint).toBeTruthy();
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

  it('rejects a manifest the schema forbids, so the validation can fail', () => {
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    expect(validate({ ...manifest, display_information: {} })).toBe(false);
  });
});
