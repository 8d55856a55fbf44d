import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_WINDOW_DAYS,
  type ConversationCursor,
  decodeConversationCursor,
  encodeConversationCursor,
  newerCursor,
  newestCursor,
  OPTION_VALUE_MAX_CHARS,
  olderCursor,
  openingCursor,
  toZoomInstant,
} from '../../src/query/conversation-cursor.js';

const now = new Date('2026-11-26T12:00:00Z');
const alice = { kind: 'slack-user', slackUserId: 'U0ALICE01' } as const;
const SESSION = '35ccd84704253f5f793d0a721c7fe655';

const opening = openingCursor(SESSION, alice, '2026-11-20T08:15:00Z', now);

describe('openingCursor', () => {
  it('covers the 30 days up to the last activity, newest page first', () => {
    expect(opening).toEqual({
      sessionId: SESSION,
      subject: alice,
      from: '2026-10-21T08:15:00Z',
      to: '2026-11-20T08:15:00Z',
      token: '',
      trail: [],
      page: 1,
    });
    expect(CONVERSATION_WINDOW_DAYS).toBe(30);
  });

  it.each([undefined, 'yesterday', '2027-01-01T00:00:00Z'])(
    'ends the window now when the last activity is %j',
    (lastActivity) => {
      expect(openingCursor(SESSION, alice, lastActivity, now).to).toBe('2026-11-26T12:00:00Z');
    },
  );
});

describe('encodeConversationCursor / decodeConversationCursor', () => {
  it('round-trips the newest page within an option value', () => {
    const value = encodeConversationCursor(opening, OPTION_VALUE_MAX_CHARS);
    expect(value?.length).toBeLessThanOrEqual(OPTION_VALUE_MAX_CHARS);
    expect(decodeConversationCursor(value ?? '')).toEqual(opening);
  });

  it('round-trips an older page with its trail and a Zoom-user subject', () => {
    const cursor: ConversationCursor = olderCursor(
      olderCursor(
        { ...opening, subject: { kind: 'zoom-user', zoomUser: 'carol@example.com' } },
        't2',
      ),
      't3',
    );
    expect(decodeConversationCursor(encodeConversationCursor(cursor) ?? '')).toEqual(cursor);
  });

  it('drops the oldest trail tokens to fit, and gives up only when the token alone cannot', () => {
    const long = {
      ...opening,
      token: 'k'.repeat(600),
      trail: ['', 'a'.repeat(700), 'b'.repeat(700)],
      page: 4,
    };
    const value = encodeConversationCursor(long) ?? '';
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeConversationCursor(value).trail).toEqual(['b'.repeat(700)]);
    expect(encodeConversationCursor({ ...long, token: 'k'.repeat(2000) })).toBeUndefined();
  });

  it('leaves a cursor out of an option value rather than cut it', () => {
    const zoom = { kind: 'zoom-user', zoomUser: `${'x'.repeat(120)}@example.com` } as const;
    expect(
      encodeConversationCursor({ ...opening, subject: zoom }, OPTION_VALUE_MAX_CHARS),
    ).toBeUndefined();
  });

  it.each([
    ['not JSON', 'nope'],
    ['another version', JSON.stringify({ v: 2, i: SESSION, s: 'U0ALICE01', f: 1, t: 2 })],
    ['two subjects', JSON.stringify({ v: 1, i: SESSION, s: 'U0ALICE01', z: 'a@b.co', f: 1, t: 2 })],
    ['no subject', JSON.stringify({ v: 1, i: SESSION, f: 1, t: 2 })],
    [
      'a path in the session id',
      JSON.stringify({ v: 1, i: '../users/x', s: 'U0ALICE01', f: 1, t: 2 }),
    ],
    ['a reversed window', JSON.stringify({ v: 1, i: SESSION, s: 'U0ALICE01', f: 10, t: 2 })],
    [
      'a window over a month',
      JSON.stringify({ v: 1, i: SESSION, s: 'U0ALICE01', f: 0, t: 40 * 86_400 }),
    ],
    [
      'a later page without a token',
      JSON.stringify({ v: 1, i: SESSION, s: 'U0ALICE01', f: 1, t: 2, n: 2 }),
    ],
  ])('refuses %s as BAD_BUTTON', (_what, value) => {
    expect(() => decodeConversationCursor(value)).toThrow(
      expect.objectContaining({ code: 'BAD_BUTTON' }),
    );
  });
});

describe('olderCursor / newerCursor / newestCursor', () => {
  it('walks older, back newer, and back to the newest page', () => {
    const second = olderCursor(opening, 't2');
    const third = olderCursor(second, 't3');
    expect(third).toMatchObject({ token: 't3', trail: ['', 't2'], page: 3 });
    expect(newerCursor(third)).toEqual(second);
    expect(newerCursor(opening)).toBeUndefined();
    expect(newestCursor(third)).toEqual(opening);
  });
});

describe('toZoomInstant', () => {
  it('writes whole seconds as Zoom does', () => {
    expect(toZoomInstant(Date.parse('2026-11-26T12:00:00Z') / 1000)).toBe('2026-11-26T12:00:00Z');
  });
});
