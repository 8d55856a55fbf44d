import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import {
  firstCursor,
  followingCursor,
  listingQuery,
  type PageCursor,
  previousCursor,
  startCursor,
  windowQueries,
} from '../../src/query/cursor.js';
import { BUTTON_VALUE_MAX_CHARS, decodeCursor, encodeCursor } from '../../src/query/cursor-wire.js';
import type { SessionQuery } from '../../src/query/types.js';

const SUBJECT = { kind: 'slack-user', slackUserId: 'U123ABC' } as const;

const HALF_YEAR: SessionQuery = {
  sessionType: 'all',
  filterType: 'last_message_time',
  from: '2026-01-01T00:00:00Z',
  to: '2026-06-30T23:59:59Z',
  phoneNumber: '14155550100',
  pageSize: 10,
};

const start = startCursor(SUBJECT, HALF_YEAR, 'UTC');

const withSessions = { sessions: [{}] };
const noSessions = { sessions: [] };

/** Next from `cursor`, as the pager computes it, when Zoom answered with `nextPageToken`. */
const next = (cursor: PageCursor, nextPageToken: string, answer = withSessions) => {
  const following = followingCursor(cursor, { ...answer, nextPageToken });
  if (following === undefined) throw new Error('no next page');
  return following;
};

const where = (cursor: PageCursor | undefined) =>
  cursor === undefined
    ? undefined
    : { window: cursor.range?.window, page: cursor.page, token: cursor.token, q: cursor.query };

const refusal = (edit: (wire: Record<string, unknown>) => void): string => {
  const wire = JSON.parse(encodeCursor(next(next(start, 'j2'), ''))) as Record<string, unknown>;
  edit(wire);
  return JSON.stringify(wire);
};

const r = (wire: Record<string, unknown>) => wire.r as Record<string, unknown>;
const q = (wire: Record<string, unknown>) => wire.q as Record<string, unknown>;

describe('startCursor', () => {
  it('writes a cursor as earlier releases did when the range fits one Zoom call', () => {
    const month = { ...HALF_YEAR, from: '2026-06-01T00:00:00Z' };
    const cursor = startCursor(SUBJECT, month, 'UTC');
    expect(cursor).toEqual({ subject: SUBJECT, query: month, token: '', trail: [], page: 1 });
    expect(JSON.parse(encodeCursor(cursor))).toMatchObject({ v: 1, q: { f: month.from } });
  });

  it('starts a longer range at its newest calendar month, in the asker’s zone', () => {
    expect(start.query).toEqual({ ...HALF_YEAR, from: '2026-06-01T00:00:00Z' });
    expect(start.range).toEqual({
      from: HALF_YEAR.from,
      to: HALF_YEAR.to,
      timeZone: 'UTC',
      window: 0,
      earlier: [],
    });
    const paris = startCursor(SUBJECT, HALF_YEAR, 'Europe/Paris');
    expect(paris.query.from).toBe('2026-06-30T22:00:00Z');
    expect(paris.range?.timeZone).toBe('Europe/Paris');
  });

  it('splits in UTC when the zone is unknown', () => {
    expect(startCursor(SUBJECT, HALF_YEAR, 'Mars/Base').range?.timeZone).toBe('UTC');
  });
});

describe('listingQuery and windowQueries', () => {
  it('give the whole range and each month’s question, newest first', () => {
    const later = next(next(start, 'j2'), '');
    expect(listingQuery(later)).toEqual(HALF_YEAR);
    expect(windowQueries(later).map((query) => [query.from, query.to])).toEqual([
      ['2026-06-01T00:00:00Z', '2026-06-30T23:59:59Z'],
      ['2026-05-01T00:00:00Z', '2026-05-31T23:59:59Z'],
      ['2026-04-01T00:00:00Z', '2026-04-30T23:59:59Z'],
      ['2026-03-01T00:00:00Z', '2026-03-31T23:59:59Z'],
      ['2026-02-01T00:00:00Z', '2026-02-28T23:59:59Z'],
      ['2026-01-01T00:00:00Z', '2026-01-31T23:59:59Z'],
    ]);
    expect(windowQueries(later).every((query) => query.phoneNumber === '14155550100')).toBe(true);
  });
});

describe('followingCursor', () => {
  it('follows Zoom’s token within a month, then starts the next (older) month', () => {
    const page2 = next(start, 'j2');
    expect(where(page2)).toMatchObject({ window: 0, page: 2, token: 'j2' });
    const may = next(page2, '');
    expect(where(may)).toEqual({
      window: 1,
      page: 1,
      token: '',
      q: { ...HALF_YEAR, from: '2026-05-01T00:00:00Z', to: '2026-05-31T23:59:59Z' },
    });
    expect(may.trail).toEqual([]);
    expect(may.range?.earlier).toEqual([{ window: 0, tokens: ['', 'j2'] }]);
  });

  it('does not remember an empty page for Previous', () => {
    const afterEmpty = next(next(start, 'j2'), '', noSessions);
    expect(afterEmpty.range?.earlier).toEqual([{ window: 0, tokens: [''] }]);
    const afterEmptyMonth = next(next(start, ''), '', noSessions);
    expect(afterEmptyMonth.range?.earlier).toEqual([{ window: 0, tokens: [''] }]);
  });

  it('forgets earlier months when the trail was shortened, so page numbers stay exact', () => {
    const cut = { ...next(next(start, 'j2'), 'j3'), trail: ['j2'] };
    expect(next(cut, '').range?.earlier).toEqual([]);
  });

  it('ends after the oldest month, and after the last page of a single window', () => {
    let cursor = start;
    for (let month = 1; month < 6; month += 1) cursor = next(cursor, '');
    expect(cursor.range?.window).toBe(5);
    expect(followingCursor(cursor, { ...withSessions, nextPageToken: '' })).toBeUndefined();
    const single = startCursor(SUBJECT, { ...HALF_YEAR, from: '2026-06-01T00:00:00Z' }, 'UTC');
    expect(followingCursor(single, { ...withSessions, nextPageToken: '' })).toBeUndefined();
  });
});

describe('previousCursor across months', () => {
  it('retraces every page of every month, newest month first, back to the very first', () => {
    const forward: PageCursor[] = [start];
    const pagesPerMonth = [3, 1, 2, 1, 1, 2];
    pagesPerMonth.forEach((pages, month) => {
      for (let page = 1; page <= pages; page += 1) {
        const current = forward.at(-1) as PageCursor;
        const token = page < pages ? `m${month}p${page + 1}` : '';
        if (month < 5 || page < pages) forward.push(next(current, token));
      }
    });
    expect(forward).toHaveLength(10);
    expect(forward.map((c) => [c.range?.window, c.page])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 1],
      [2, 1],
      [2, 2],
      [3, 1],
      [4, 1],
      [5, 1],
      [5, 2],
    ]);
    for (let i = forward.length - 1; i > 0; i -= 1) {
      const back = previousCursor(forward[i] as PageCursor);
      expect(where(back)).toEqual(where(forward[i - 1]));
      expect(decodeCursor(encodeCursor(back as PageCursor))).toEqual(back);
    }
    expect(previousCursor(start)).toBeUndefined();
  });

  it('skips months that were found empty on the way back', () => {
    const march = next(next(next(start, ''), '', noSessions), '', noSessions);
    expect(march.range?.window).toBe(3);
    expect(where(previousCursor(march))).toEqual(where(start));
  });
});

describe('firstCursor', () => {
  it('returns to page 1 of the newest month and forgets the way there', () => {
    const later = next(next(next(start, 'j2'), ''), 'k2');
    expect(firstCursor(later)).toEqual(start);
  });
});

describe('encodeCursor and decodeCursor with months', () => {
  it('round-trips a cursor deep in a range, with its trail and earlier months', () => {
    const deep = next(next(next(next(start, 'j2'), ''), ''), 'k2');
    expect(deep).toMatchObject({ page: 2, trail: [''], range: { window: 2 } });
    expect(decodeCursor(encodeCursor(deep))).toEqual(deep);
    const zoomSubject = { ...deep, subject: { kind: 'zoom-user', zoomUser: 'carol@example.com' } };
    expect(decodeCursor(encodeCursor(zoomSubject as PageCursor))).toEqual(zoomSubject);
  });

  it('writes version 2 with the whole range, so a release without months refuses it', () => {
    const wire = JSON.parse(encodeCursor(next(next(start, 'j2'), '')));
    expect(wire).toMatchObject({
      v: 2,
      q: { f: HALF_YEAR.from, t: HALF_YEAR.to },
      r: { tz: 'UTC', w: 1, e: [[0, ['', 'j2']]] },
    });
  });

  it('still reads a cursor an earlier release wrote', () => {
    const old =
      '{"v":1,"s":"U123ABC","q":{"st":"user","ft":"last_message_time","f":"2026-10-27T12:00:00Z","t":"2026-11-26T12:00:00Z","ps":10},"k":"tok2","tr":[""],"n":2}';
    expect(decodeCursor(old)).toEqual({
      subject: SUBJECT,
      query: {
        sessionType: 'user',
        filterType: 'last_message_time',
        from: '2026-10-27T12:00:00Z',
        to: '2026-11-26T12:00:00Z',
        pageSize: 10,
      },
      token: 'tok2',
      trail: [''],
      page: 2,
    });
  });

  it('drops earlier months before the trail when the value is too long, keeping pages exact', () => {
    const long = (n: number) => `${n}`.padStart(150, 't');
    let cursor = start;
    for (let month = 0; month < 5; month += 1) {
      cursor = next(next(next(cursor, long(month * 10 + 1)), long(month * 10 + 2)), '');
    }
    for (let page = 0; page < 4; page += 1) cursor = next(cursor, long(90 + page));
    const value = encodeCursor(cursor);
    const decoded = decodeCursor(value);
    expect(value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX_CHARS);
    expect(decoded.trail).toEqual(cursor.trail);
    expect(decoded.page).toBe(5);
    const kept = decoded.range?.earlier ?? [];
    expect(kept.length).toBeLessThan(cursor.range?.earlier.length ?? 0);
    expect(kept).toEqual(cursor.range?.earlier.slice(-kept.length));
    let back = decoded;
    for (let step = 0; step < 4 + 3 * kept.length; step += 1) {
      back = previousCursor(back) ?? back;
    }
    expect(where(back)).toMatchObject({ window: kept[0]?.window, page: 1 });
    expect(previousCursor(back)).toBeUndefined();
  });

  it.each([
    [
      'of version 2 without a position',
      (w: Record<string, unknown>) => Reflect.deleteProperty(w, 'r'),
    ],
    [
      'in a month the range does not have',
      (w: Record<string, unknown>) => Object.assign(r(w), { w: 6 }),
    ],
    ['with a negative month', (w: Record<string, unknown>) => Object.assign(r(w), { w: -1 })],
    [
      'with earlier months out of order',
      (w: Record<string, unknown>) =>
        Object.assign(r(w), {
          w: 3,
          e: [
            [1, ['']],
            [0, ['']],
          ],
        }),
    ],
    [
      'with an earlier month that is not earlier',
      (w: Record<string, unknown>) => Object.assign(r(w), { e: [[1, ['']]] }),
    ],
    [
      'with an earlier month without pages',
      (w: Record<string, unknown>) => Object.assign(r(w), { e: [[0, []]] }),
    ],
    [
      'in a zone this runtime does not know',
      (w: Record<string, unknown>) => Object.assign(r(w), { tz: 'Mars/Base' }),
    ],
    [
      'over a range that fits one call',
      (w: Record<string, unknown>) => Object.assign(q(w), { f: '2026-06-10T00:00:00Z' }),
    ],
    [
      'over a range that ends before it starts',
      (w: Record<string, unknown>) => Object.assign(q(w), { f: '2026-07-10T00:00:00Z' }),
    ],
    [
      'over a range of a century',
      (w: Record<string, unknown>) => Object.assign(q(w), { f: '1926-01-01T00:00:00Z' }),
    ],
    [
      'over a range from a day that does not exist',
      (w: Record<string, unknown>) => Object.assign(q(w), { f: '2026-02-30T00:00:00Z' }),
    ],
    [
      'over a range given as days',
      (w: Record<string, unknown>) => Object.assign(q(w), { f: '2026-01-01' }),
    ],
    [
      'with more trail than pages',
      (w: Record<string, unknown>) => Object.assign(w, { tr: ['', 'x'], n: 2 }),
    ],
  ])('refuses as BAD_BUTTON a value %s', (_case, edit) => {
    expect(() => decodeCursor(refusal(edit))).toThrow(
      expect.objectContaining({ constructor: AppError, code: 'BAD_BUTTON' }),
    );
  });
});
