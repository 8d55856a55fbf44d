import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import {
  firstCursor,
  nextCursor,
  type PageCursor,
  previousCursor,
} from '../../src/query/cursor.js';
import { BUTTON_VALUE_MAX_CHARS, decodeCursor, encodeCursor } from '../../src/query/cursor-wire.js';

const cursor: PageCursor = {
  subject: { kind: 'slack-user', slackUserId: 'U123ABC' },
  query: {
    sessionType: 'user',
    filterType: 'last_message_time',
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    phoneNumber: '14155550100',
    pageSize: 10,
  },
  token: 'tok3',
  trail: ['', 'tok2'],
  page: 3,
};

const { phoneNumber: _phoneNumber, ...queryWithoutPhone } = cursor.query;

const edited = (edit: (wire: Record<string, unknown>) => void): string => {
  const wire = JSON.parse(encodeCursor(cursor)) as Record<string, unknown>;
  edit(wire);
  return JSON.stringify(wire);
};

const query = (wire: Record<string, unknown>) => wire.q as Record<string, unknown>;

const aboutZoomUser = (z: unknown): string =>
  edited((w) => {
    Reflect.deleteProperty(w, 's');
    Object.assign(w, { z });
  });

describe('encodeCursor', () => {
  it.each([
    ['with a phone number', cursor],
    ['without a phone number', { ...cursor, query: queryWithoutPhone }],
    ['on the first page', { ...cursor, token: '', trail: [], page: 1 }],
    [
      'about a Zoom user named by email',
      { ...cursor, subject: { kind: 'zoom-user', zoomUser: 'carol@example.com' } as const },
    ],
    [
      'about a Zoom user named by id',
      { ...cursor, subject: { kind: 'zoom-user', zoomUser: 'KDcuGIm1QgePTO8WbOqwIQ' } as const },
    ],
  ])('round-trips through decodeCursor when the cursor is %s', (_case, original) => {
    expect(decodeCursor(encodeCursor(original))).toEqual(original);
  });

  it('drops the oldest tokens when the trail does not fit a button value', () => {
    const trail = Array.from({ length: 20 }, (_, i) => `${i}`.padStart(200, 't'));
    const long = { ...cursor, trail, page: 21 };
    const value = encodeCursor(long);
    const decoded = decodeCursor(value);
    expect(value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX_CHARS);
    expect(decoded.trail.length).toBeGreaterThan(0);
    expect(decoded.trail.length).toBeLessThan(trail.length);
    expect(decoded.trail).toEqual(trail.slice(-decoded.trail.length));
    expect(decoded).toEqual({ ...long, trail: decoded.trail });
  });

  it('fails as INTERNAL when the token alone does not fit a button value', () => {
    expect(() =>
      encodeCursor({ ...cursor, token: 'x'.repeat(BUTTON_VALUE_MAX_CHARS), trail: [] }),
    ).toThrow(expect.objectContaining({ constructor: AppError, code: 'INTERNAL' }));
  });
});

describe('decodeCursor', () => {
  it.each([
    ['empty', ''],
    ['not JSON', 'next'],
    ['cut short', encodeCursor(cursor).slice(0, -1)],
    ['null', 'null'],
    ['an array', '[]'],
    ['an empty object', '{}'],
    ['from another version', edited((w) => Object.assign(w, { v: 2 }))],
    ['without a version', edited((w) => Reflect.deleteProperty(w, 'v'))],
    ['about a channel', edited((w) => Object.assign(w, { s: 'C123ABC' }))],
    ['about a lowercase id', edited((w) => Object.assign(w, { s: 'u123abc' }))],
    ['of an unknown session type', edited((w) => Object.assign(query(w), { st: 'team' }))],
    ['of an unknown filter type', edited((w) => Object.assign(query(w), { ft: 'newest' }))],
    ['with a long from', edited((w) => Object.assign(query(w), { f: 'x'.repeat(21) }))],
    ['with a numeric to', edited((w) => Object.assign(query(w), { t: 20261126 }))],
    ['with a + in the phone', edited((w) => Object.assign(query(w), { ph: '+14155550100' }))],
    ['with a page size of 0', edited((w) => Object.assign(query(w), { ps: 0 }))],
    ['with a page size of 101', edited((w) => Object.assign(query(w), { ps: 101 }))],
    ['with a fractional page size', edited((w) => Object.assign(query(w), { ps: 2.5 }))],
    ['without a query', edited((w) => Reflect.deleteProperty(w, 'q'))],
    ['without a token', edited((w) => Reflect.deleteProperty(w, 'k'))],
    ['with a trail that is not a list', edited((w) => Object.assign(w, { tr: 'tok2' }))],
    ['with a trail of numbers', edited((w) => Object.assign(w, { tr: [1, 2] }))],
    ['on page 0', edited((w) => Object.assign(w, { n: 0 }))],
    ['on page 1.5', edited((w) => Object.assign(w, { n: 1.5 }))],
    ['on page "3"', edited((w) => Object.assign(w, { n: '3' }))],
    ['without a subject', edited((w) => Reflect.deleteProperty(w, 's'))],
    [
      'about both a Slack and a Zoom user',
      edited((w) => Object.assign(w, { z: 'carol@example.com' })),
    ],
    ['about a Zoom user not written as the app writes one', aboutZoomUser('Carol@Example.com')],
    ['about a Zoom user that is a mention', aboutZoomUser('<@U123ABC>')],
    ['about a Zoom user that is me', aboutZoomUser('me')],
  ])('refuses as BAD_BUTTON a value that is %s', (_case, value) => {
    expect(() => decodeCursor(value)).toThrow(
      expect.objectContaining({ constructor: AppError, code: 'BAD_BUTTON' }),
    );
  });
});

describe('encodeCursor wire', () => {
  it('writes a Zoom subject as z and a Slack subject as s, never both', () => {
    const zoomWire = JSON.parse(
      encodeCursor({ ...cursor, subject: { kind: 'zoom-user', zoomUser: 'carol@example.com' } }),
    );
    expect(zoomWire.z).toBe('carol@example.com');
    expect(zoomWire).not.toHaveProperty('s');
    const slackWire = JSON.parse(encodeCursor(cursor));
    expect(slackWire.s).toBe('U123ABC');
    expect(slackWire).not.toHaveProperty('z');
  });
});

describe('nextCursor', () => {
  it('moves to Zoom’s next token and remembers this one when there is a next page', () => {
    expect(nextCursor(cursor, 'tok4')).toEqual({
      ...cursor,
      token: 'tok4',
      trail: ['', 'tok2', 'tok3'],
      page: 4,
    });
  });
});

describe('previousCursor', () => {
  it('replays the last token of the trail when there is one', () => {
    expect(previousCursor(cursor)).toEqual({ ...cursor, token: 'tok2', trail: [''], page: 2 });
  });

  it('returns to page 1 with the empty token when on page 2', () => {
    expect(previousCursor(nextCursor(firstCursor(cursor), 'tok2'))).toEqual(firstCursor(cursor));
  });

  it.each([
    ['on the first page', firstCursor(cursor)],
    ['when the trail was shortened away', { ...cursor, trail: [] }],
  ])('is undefined %s', (_case, current) => {
    expect(previousCursor(current)).toBeUndefined();
  });
});

describe('firstCursor', () => {
  it('keeps the subject and query and forgets the position when asked for page 1', () => {
    expect(firstCursor(cursor)).toEqual({ ...cursor, token: '', trail: [], page: 1 });
  });
});
