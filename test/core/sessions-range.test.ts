import { describe, expect, it } from 'vitest';
import { createAuditTrail } from '../../src/core/audit-trail.js';
import { MAX_ZOOM_CALLS_PER_CLICK } from '../../src/core/listing-page.js';
import { createSessionsCore } from '../../src/core/sessions.js';
import { AppError } from '../../src/errors.js';
import { followingCursor, type PageCursor, previousCursor } from '../../src/query/cursor.js';
import type { ListArgs } from '../../src/query/types.js';
import type { SessionsPageModel } from '../../src/render/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createAccessPolicy } from '../../src/users/access.js';
import { createIdentityResolver } from '../../src/users/resolve-identity.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';
import type { ZoomApi } from '../../src/zoom/types.js';
import { TEST_PSEUDONYM_KEY } from '../helpers/app-keys.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createCapturingLogger } from '../store/logger.js';
import { createFakeDirectory, person } from './fakes.js';

const ALICE = 'U0ALICE01';

/** May to October 2026 in UTC: six months, asked newest first. */
const HALF_YEAR: ListArgs = {
  target: { kind: 'self' },
  from: { kind: 'day', date: '2026-05-01' },
  to: { kind: 'day', date: '2026-10-31' },
};

/**
 * The core over a Zoom that has `sessionsByMonth[YYYY-MM]` sessions in each month, answered
 * `page_size` at a time (its tokens stand for an offset, as Zoom's do), recording the window,
 * token and size of every call.
 */
const setup = (sessionsByMonth: Record<string, number>, maxRangeMonths = 12) => {
  const clock = createFakeClock('2026-11-26T12:00:00Z');
  const store = createMemoryStore({ clock });
  const { directory } = createFakeDirectory([
    person(ALICE, { email: 'alice@example.com', timeZone: 'UTC' }),
  ]);
  const calls: { from: string; to: string; token: string; size: number }[] = [];
  const zoom: ZoomApi = {
    listUserSmsSessions: async (_user, query, token = '') => {
      calls.push({ from: query.from, to: query.to, token, size: query.pageSize });
      const month = query.from.slice(0, 7);
      const count = sessionsByMonth[month] ?? 0;
      const offset = token === '' ? 0 : Number(token.split('@')[1]);
      const end = Math.min(count, offset + query.pageSize);
      return {
        sessions: Array.from({ length: end - offset }, (_, i) =>
          sessionFromZoom({ session_id: `${month}-${offset + i}` }),
        ),
        nextPageToken: end < count ? `${month}@${end}` : '',
      };
    },
    getUser: async () => {
      throw new Error('not used');
    },
    getPhoneUser: async () => {
      throw new Error('not used');
    },
    getSmsSessionDetails: async () => {
      throw new Error('not used');
    },
    listSharedLines: async () => {
      throw new Error('not used');
    },
    sendSms: async () => {
      throw new Error('not used');
    },
  };
  const { logger } = createCapturingLogger();
  const sessions = createSessionsCore({
    zoom,
    directory,
    identities: createIdentityResolver({ store, directory }),
    access: createAccessPolicy({ adminSlackUserIds: [] }),
    audit: createAuditTrail({ store, logger, clock, pseudonymKey: TEST_PSEUDONYM_KEY }),
    clock,
    maxRangeMonths,
  });
  const audit = async () => (await store.listAudit({ limit: 50 })).reverse();
  return { sessions, calls, audit };
};

const months = (calls: readonly { from: string }[]) => calls.map((c) => c.from.slice(0, 7));

const click = async (core: ReturnType<typeof setup>, cursor: PageCursor) =>
  (await core.sessions.page(ALICE, cursor)).model;

const next = (model: SessionsPageModel) => {
  const following =
    model.nextCursor === undefined
      ? followingCursor(model.cursor, model.page)
      : (model.nextCursor ?? undefined);
  if (following === undefined) throw new Error('no Next');
  return following;
};

describe('createSessionsCore with a range longer than a month', () => {
  it('starts at the newest month and asks Zoom for one month a call', async () => {
    const core = setup({ '2026-10': 12 });
    const { cursor } = await core.sessions.start(ALICE, HALF_YEAR);
    const model = await click(core, cursor);
    expect(core.calls).toEqual([
      { from: '2026-10-01T00:00:00Z', to: '2026-10-31T23:59:59Z', token: '', size: 10 },
    ]);
    expect(model.page.sessions).toHaveLength(10);
    expect(model).not.toHaveProperty('skipped');
    expect(model).not.toHaveProperty('nextCursor');
  });

  it('fills a page from older months, asking each only for the rows still missing', async () => {
    const core = setup({ '2026-10': 3, '2026-09': 4, '2026-08': 12 });
    const { cursor } = await core.sessions.start(ALICE, HALF_YEAR);
    const first = await click(core, cursor);
    expect(core.calls.map((c) => [c.from.slice(0, 7), c.token, c.size])).toEqual([
      ['2026-10', '', 10],
      ['2026-09', '', 7],
      ['2026-08', '', 3],
    ]);
    expect(first.page.sessions.map((s) => s.id)).toEqual([
      '2026-10-0',
      '2026-10-1',
      '2026-10-2',
      '2026-09-0',
      '2026-09-1',
      '2026-09-2',
      '2026-09-3',
      '2026-08-0',
      '2026-08-1',
      '2026-08-2',
    ]);
    expect(first.cursor).toEqual(cursor);
    expect(first.nextCursor).toMatchObject({
      token: '2026-08@3',
      page: 1,
      trail: [],
      range: { window: 2, earlier: [{ window: 0, tokens: [''] }] },
    });
    expect(previousCursor(first.nextCursor ?? first.cursor)).toEqual(cursor);
    const second = await click(core, next(first));
    expect(second.page.sessions.map((s) => s.id)).toEqual(
      Array.from({ length: 9 }, (_, i) => `2026-08-${i + 3}`),
    );
    expect(core.calls.slice(3).map((c) => [c.from.slice(0, 7), c.token, c.size])).toEqual([
      ['2026-08', '2026-08@3', 10],
      ['2026-07', '', 1],
      ['2026-06', '', 1],
      ['2026-05', '', 1],
    ]);
  });

  it('passes over empty months without a click, auditing every call', async () => {
    const core = setup({ '2026-08': 12 });
    const { cursor } = await core.sessions.start(ALICE, HALF_YEAR);
    const model = await click(core, cursor);
    expect(months(core.calls)).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(model.skipped).toEqual([0, 1]);
    expect(model.cursor.range?.window).toBe(2);
    expect(model.page.sessions).toHaveLength(10);
    expect(await core.audit()).toMatchObject([
      { action: 'page', resultCount: 0, filters: { from: '2026-10-01T00:00:00Z', window: 1 } },
      { action: 'page', resultCount: 0, filters: { from: '2026-09-01T00:00:00Z', window: 2 } },
      { action: 'page', resultCount: 10, filters: { from: '2026-08-01T00:00:00Z', window: 3 } },
    ]);
  });

  it(`makes at most ${MAX_ZOOM_CALLS_PER_CLICK} Zoom calls a click, and Next carries on from the month after`, async () => {
    const core = setup({ '2026-06': 2 });
    const { cursor } = await core.sessions.start(ALICE, HALF_YEAR);
    const first = await click(core, cursor);
    expect(months(core.calls)).toEqual(['2026-10', '2026-09', '2026-08', '2026-07']);
    expect(first.skipped).toEqual([0, 1, 2, 3]);
    expect(first.page.sessions).toEqual([]);
    const second = await click(core, next(first));
    expect(months(core.calls).slice(4)).toEqual(['2026-06', '2026-05']);
    expect(second).not.toHaveProperty('skipped');
    expect(second.cursor.range?.window).toBe(4);
    expect(second.page.sessions).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  it('pages within a month before moving on, then fills the page from the months after', async () => {
    const core = setup({ '2026-10': 15, '2026-07': 1 });
    const { cursor } = await core.sessions.start(ALICE, HALF_YEAR);
    const october = await click(core, cursor);
    expect(october.page.sessions).toHaveLength(10);
    const october2 = await click(core, next(october));
    expect(october2.cursor).toMatchObject({ page: 2, token: '2026-10@10' });
    expect(months(core.calls)).toEqual(['2026-10', '2026-10', '2026-09', '2026-08', '2026-07']);
    expect(october2.page.sessions).toHaveLength(6);
    // Previous from the page after goes back to this very page, not to July alone.
    expect(october2.nextCursor?.range).toEqual(
      expect.objectContaining({
        window: 4,
        earlier: [{ window: 0, tokens: ['', '2026-10@10'] }],
      }),
    );
    const back = previousCursor(october2.nextCursor ?? october2.cursor);
    expect(back).toEqual(october2.cursor);
  });

  it('ends at the oldest month, saying which months were empty', async () => {
    const core = setup({ '2026-07': 1 });
    const { cursor } = await core.sessions.start(ALICE, HALF_YEAR);
    const july = await click(core, cursor);
    expect(july.page.sessions).toHaveLength(1);
    expect(july.skipped).toEqual([0, 1, 2]);
    const end = await click(core, next(july));
    expect(months(core.calls).slice(-2)).toEqual(['2026-06', '2026-05']);
    expect(end.skipped).toEqual([4, 5]);
    expect(followingCursor(end.cursor, end.page)).toBeUndefined();
  });

  it('asks once and skips nothing for a listing Zoom answers in one call', async () => {
    const core = setup({});
    const { cursor } = await core.sessions.start(ALICE, { target: { kind: 'self' } });
    const model = await click(core, cursor);
    expect(core.calls).toHaveLength(1);
    expect(model).not.toHaveProperty('skipped');
    expect(model.cursor).not.toHaveProperty('range');
  });

  it('refuses a range over MAX_RANGE_MONTHS before any Zoom call', async () => {
    const core = setup({}, 5);
    await expect(core.sessions.start(ALICE, HALF_YEAR)).rejects.toThrow(
      expect.objectContaining({
        constructor: AppError,
        code: 'INVALID_ARGS',
        detail: { reason: 'range-over-cap', limit: 5, value: '2026-05-01…2026-10-31' },
      }),
    );
    expect(core.calls).toEqual([]);
  });
});
