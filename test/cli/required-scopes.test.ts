import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  missingFrom,
  missingScopes,
  REQUIRED_SLACK_BOT_SCOPES,
  REQUIRED_ZOOM_SCOPES,
} from '../../src/cli/required-scopes.js';

const [sessions] = REQUIRED_ZOOM_SCOPES;

describe('missingScopes', () => {
  it.each([
    [['phone:read:admin', 'phone_sms:read:admin'], []],
    [['phone:read:list_sms_sessions:admin'], []],
    [['phone:read:admin'], ['phone_sms:read:admin']],
    [[], ['phone:read:list_sms_sessions:admin']],
  ])('given %j, lacks %j', (granted, missing) => {
    expect(sessions && missingScopes(sessions, granted)).toEqual(missing);
  });
});

describe('missingFrom', () => {
  it('lists the required scopes not granted, in order', () => {
    expect(missingFrom(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
  });
});

describe('REQUIRED_SLACK_BOT_SCOPES', () => {
  it('equals the bot scopes manifest.yml asks for', () => {
    const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8'));
    expect([...REQUIRED_SLACK_BOT_SCOPES].sort()).toEqual(
      [...manifest.oauth_config.scopes.bot].sort(),
    );
  });
});

describe('REQUIRED_ZOOM_SCOPES', () => {
  it('are the scopes the README tells admins to grant', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const requirement of REQUIRED_ZOOM_SCOPES) {
      for (const scope of requirement.alternatives.flat()) expect(readme).toContain(`\`${scope}\``);
    }
  });
});
