import { describe, expect, it } from 'vitest';
import { AppError, type ErrorDetail } from '../../../src/errors.js';
import { AUDIT_DEFAULT_ENTRIES, AUDIT_MAX_ENTRIES } from '../../../src/render/audit-entries.js';
import { parseCommand } from '../../../src/slack/commands/grammar.js';

const refusal = (text: string): ErrorDetail => {
  try {
    parseCommand(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_ARGS');
    return (error as AppError).detail;
  }
  throw new Error(`parsed without error: ${text}`);
};

const BOB = { kind: 'slack-user', userId: 'U0BOB0001' } as const;

describe('IDENTITY_SUBCOMMANDS', () => {
  it.each([
    [
      'link <@U0BOB0001|bob> bob@example.com',
      { kind: 'link', person: BOB, zoomUser: 'bob@example.com' },
    ],
    [
      'LINK <@U0BOB0001> Bob.Zoom@Example.COM',
      { kind: 'link', person: BOB, zoomUser: 'bob.zoom@example.com' },
    ],
    [
      'link <@U0BOB0001|bob> <mailto:carol@example.com|carol@example.com>',
      { kind: 'link', person: BOB, zoomUser: 'carol@example.com' },
    ],
    [
      'link <@U0BOB0001> KDcuGIm1QgePTO8WbOqwIQ',
      { kind: 'link', person: BOB, zoomUser: 'KDcuGIm1QgePTO8WbOqwIQ' },
    ],
    [
      'link me ada@example.com',
      { kind: 'link', person: { kind: 'self' }, zoomUser: 'ada@example.com' },
    ],
    ['unlink <@U0BOB0001|bob>', { kind: 'unlink', person: BOB }],
    ['who <@U0BOB0001|bob jones>', { kind: 'who', person: BOB }],
    ['Who me', { kind: 'who', person: { kind: 'self' } }],
    ['whoami', { kind: 'whoami' }],
    ['  WhoAmI  ', { kind: 'whoami' }],
    ['audit', { kind: 'audit', limit: AUDIT_DEFAULT_ENTRIES }],
    ['audit 5', { kind: 'audit', limit: 5 }],
    ['audit <@U0BOB0001>', { kind: 'audit', person: BOB, limit: AUDIT_DEFAULT_ENTRIES }],
    ['audit <@U0BOB0001> 20', { kind: 'audit', person: BOB, limit: 20 }],
    ['audit 3 <@U0BOB0001>', { kind: 'audit', person: BOB, limit: 3 }],
  ])('reads %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    ['link', { reason: 'missing-person', option: 'link' }],
    ['unlink', { reason: 'missing-person', option: 'unlink' }],
    ['who', { reason: 'missing-person', option: 'who' }],
    ['link <@U0BOB0001>', { reason: 'missing-zoom-user', option: 'link' }],
    ['link <@U0BOB0001> bob', { reason: 'bad-zoom-user', option: 'link', value: 'bob' }],
    ['link <@U0BOB0001> me', { reason: 'bad-zoom-user', option: 'link', value: 'me' }],
    [
      'link <@U0BOB0001> <@U0CAROL01>',
      { reason: 'bad-zoom-user', option: 'link', value: '<@U0CAROL01>' },
    ],
    ['link bob@example.com <@U0BOB0001>', { reason: 'bad-target', value: 'bob@example.com' }],
    ['link @bob bob@example.com', { reason: 'bad-target', value: '@bob' }],
    ['who <#C0123ABC|general>', { reason: 'bad-target', value: '<#C0123ABC|general>' }],
    ['who bob', { reason: 'bad-target', value: 'bob' }],
    ['link <@U0BOB0001> bob@example.com extra', { reason: 'unexpected-word', value: 'extra' }],
    ['unlink <@U0BOB0001> <@U0CAROL01>', { reason: 'unexpected-word', value: '<@U0CAROL01>' }],
    ['whoami please', { reason: 'unexpected-word', value: 'please' }],
    ['audit 0', { reason: 'bad-count', value: '0', limit: AUDIT_MAX_ENTRIES }],
    [
      `audit ${AUDIT_MAX_ENTRIES + 1}`,
      { reason: 'bad-count', value: `${AUDIT_MAX_ENTRIES + 1}`, limit: AUDIT_MAX_ENTRIES },
    ],
    ['audit 5 6', { reason: 'unexpected-word', value: '6' }],
    ['audit <@U0BOB0001> <@U0CAROL01>', { reason: 'unexpected-word', value: '<@U0CAROL01>' }],
    ['audit lots', { reason: 'unexpected-word', value: 'lots' }],
  ])('refuses %j', (text, detail) => {
    expect(refusal(text)).toEqual(detail);
  });
});

describe('parseCommand with zoom:', () => {
  it.each([
    ['zoom:carol@example.com', 'carol@example.com'],
    ['ZOOM:Carol@Example.com', 'carol@example.com'],
    ['zoom=carol@example.com', 'carol@example.com'],
    ['zoom:<mailto:carol@example.com|carol@example.com>', 'carol@example.com'],
    ['zoom:"carol@example.com"', 'carol@example.com'],
    ['zoom:KDcuGIm1QgePTO8WbOqwIQ', 'KDcuGIm1QgePTO8WbOqwIQ'],
  ])('targets the Zoom user named by %j', (text, zoomUser) => {
    expect(parseCommand(text)).toEqual({
      kind: 'list',
      args: { target: { kind: 'zoom-user', zoomUser } },
    });
  });

  it('combines a Zoom target with options in any order', () => {
    expect(parseCommand('type:all zoom:carol@example.com size:5')).toEqual({
      kind: 'list',
      args: {
        target: { kind: 'zoom-user', zoomUser: 'carol@example.com' },
        sessionType: 'all',
        pageSize: 5,
      },
    });
  });

  it.each([
    ['zoom:', { reason: 'missing-value', option: 'zoom', value: '' }],
    ['zoom:carol', { reason: 'bad-zoom-user', option: 'zoom', value: 'carol' }],
    ['zoom:me', { reason: 'bad-zoom-user', option: 'zoom', value: 'me' }],
    [
      '<@U0BOB0001> zoom:carol@example.com',
      { reason: 'unexpected-word', value: 'zoom:carol@example.com' },
    ],
    ['zoom:carol@example.com me', { reason: 'unexpected-word', value: 'me' }],
    [
      'zoom:a@example.com zoom:b@example.com',
      { reason: 'unexpected-word', value: 'zoom:b@example.com' },
    ],
  ])('refuses %j', (text, detail) => {
    expect(refusal(text)).toEqual(detail);
  });

  it('suggests zoom: when the option is misspelt', () => {
    expect(refusal('zom:carol@example.com')).toMatchObject({
      reason: 'unknown-option',
      suggestion: 'zoom',
    });
  });
});
