import type { HomeView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { SmsSession } from '../../src/domain/sms.js';
import { followingCursor, type PageCursor, startCursor } from '../../src/query/cursor.js';
import { decodeCursor } from '../../src/query/cursor-wire.js';
import type { SessionQuery } from '../../src/query/types.js';
import { renderHomeView } from '../../src/render/home-view.js';
import { renderSessionsPage } from '../../src/render/sessions-page.js';
import type { RenderContext, SessionsPageModel } from '../../src/render/types.js';
import { ACTION_IDS, BLOCK_IDS, HOME_ACTION_IDS } from '../../src/surface/ids.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';
import {
  expectValidHomeView,
  expectValidMessage,
  findButtons,
  visibleText,
} from '../helpers/block-kit.js';

const ZONE = 'Europe/Paris';
const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: ZONE };
const SUBJECT = 'U0123ABCD';

/** `from:2026-01-01 to:2026-06-30` typed in Paris. */
const HALF_YEAR: SessionQuery = {
  sessionType: 'user',
  filterType: 'last_message_time',
  from: '2025-12-31T23:00:00Z',
  to: '2026-06-30T21:59:59Z',
  pageSize: 10,
};

const start = startCursor({ kind: 'slack-user', slackUserId: SUBJECT }, HALF_YEAR, ZONE);

const session = (i: number): SmsSession =>
  sessionFromZoom({
    session_id: `session-${i}`,
    session_type: 'user',
    last_access_time: '2026-06-20T09:00:00Z',
    participants: [{ display_name: `Contact ${i}`, phone_number: '14155550100' }],
  });

const SESSIONS = [session(1), session(2), session(3)];

/** Moves on as Next would after a page of `sessions` that Zoom ended with `token`. */
const onward = (cursor: PageCursor, token: string, sessions: readonly unknown[] = SESSIONS) => {
  const following = followingCursor(cursor, { sessions, nextPageToken: token });
  if (following === undefined) throw new Error('no next');
  return following;
};

const inWindowOf = (first: PageCursor, window: number): PageCursor => {
  let cursor = first;
  while ((cursor.range?.window ?? 0) < window) cursor = onward(cursor, '', []);
  return cursor;
};

const model = (overrides: Partial<SessionsPageModel> = {}): SessionsPageModel => ({
  subject: { slackUserId: SUBJECT, zoomUser: 'alex@example.com', isSelf: true },
  cursor: start,
  page: { sessions: SESSIONS, nextPageToken: 'june-p2' },
  notes: [],
  ...overrides,
});

const snapshot = (name: string, surface: unknown) =>
  expect(JSON.stringify(surface, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

const pager = (surface: { blocks?: readonly unknown[] }) =>
  findButtons(surface as { blocks: readonly unknown[] }).filter(
    (b) => b.blockId === BLOCK_IDS.pager,
  );

describe('renderSessionsPage for a range asked a month at a time', () => {
  it('names the month and page, how many months are left, and the whole range', async () => {
    const juneP2 = onward(start, 'june-p2');
    const message = renderSessionsPage(
      model({ cursor: juneP2, page: { sessions: SESSIONS, nextPageToken: '' } }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot('page-range-month-end', message);
    const text = visibleText(message);
    expect(text).toContain('Jan 1 – Jun 30 · Your number · Jun 20');
    expect(text).not.toMatch(/When:|Type:/);
    expect(message.text).toBe(`3 SMS conversations for <@${SUBJECT}>, June 2026, page 2`);
    const [previous, next] = pager(message);
    expect([previous?.actionId, next?.actionId]).toEqual([
      ACTION_IDS.pagePrevious,
      ACTION_IDS.pageNext,
    ]);
    expect(decodeCursor(previous?.value ?? '')).toEqual(start);
    const may = decodeCursor(next?.value ?? '');
    expect(may).toMatchObject({ page: 1, token: '', range: { window: 1 } });
    expect(may.query).toMatchObject({ from: '2026-04-30T22:00:00Z', to: '2026-05-31T21:59:59Z' });
  });

  it('says when a page is in the last month of the range, and offers no Next after it', () => {
    const january = inWindowOf(start, 5);
    const message = renderSessionsPage(
      model({ cursor: january, page: { sessions: SESSIONS, nextPageToken: '' } }),
      ctx,
    );
    expect(pager(message).map((b) => b.text)).toEqual([]);
  });

  it('notes the empty months it passed over before a page of sessions', async () => {
    const april = inWindowOf(start, 2);
    const message = renderSessionsPage(model({ cursor: april, skipped: [0, 1] }), ctx);
    expectValidMessage(message);
    await snapshot('page-range-skipped', message);
    expect(visibleText(message)).toContain(
      'No conversations in May–June 2026, so this starts with April 2026.',
    );
  });

  it('says which months were empty and where Next carries on when it stopped passing over them', async () => {
    const april = inWindowOf(start, 2);
    const message = renderSessionsPage(
      model({ cursor: april, page: { sessions: [], nextPageToken: '' }, skipped: [0, 1, 2] }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot('page-range-skip-limit', message);
    expect(visibleText(message)).toContain(
      'No conversations in April–June 2026. Next continues with March 2026.',
    );
    expect(visibleText(message)).not.toContain('Try a wider window');
    expect(message.text).toBe(`No SMS conversations for <@${SUBJECT}> in April–June 2026`);
    const next = pager(message).find((b) => b.text === 'Next');
    expect(decodeCursor(next?.value ?? '')).toMatchObject({
      page: 1,
      range: { window: 3, earlier: [] },
    });
  });

  it('says the range is over when the months left were empty', () => {
    const january = inWindowOf(onward(start, ''), 5);
    const message = renderSessionsPage(
      model({ cursor: january, page: { sessions: [], nextPageToken: '' }, skipped: [4, 5] }),
      ctx,
    );
    expect(visibleText(message)).toContain(
      'No more SMS conversations: none in January–February 2026, and that is the end of the range.',
    );
    expect(pager(message).map((b) => b.text)).toEqual(['Previous']);
  });

  it('reads as an empty listing of the whole range when every month was empty', () => {
    const short = startCursor(start.subject, { ...HALF_YEAR, from: '2026-04-30T22:00:00Z' }, ZONE);
    const last = inWindowOf(short, 1);
    const message = renderSessionsPage(
      model({ cursor: last, page: { sessions: [], nextPageToken: '' }, skipped: [0, 1] }),
      ctx,
    );
    expect(visibleText(message)).toContain('No SMS conversations between May 1 and Jun 30.');
  });

  it('spans the years when the empty months do', () => {
    const winter = startCursor(
      start.subject,
      { ...HALF_YEAR, from: '2025-09-30T22:00:00Z', to: '2026-02-28T22:59:59Z' },
      ZONE,
    );
    const message = renderSessionsPage(
      model({ cursor: inWindowOf(winter, 3), skipped: [0, 1, 2] }),
      ctx,
    );
    expect(visibleText(message)).toContain('No conversations in December 2025–February 2026');
  });
});

describe('renderHomeView for a range asked a month at a time', () => {
  it('shows the month, what is left and Home pager buttons that cross months', async () => {
    const view: HomeView = renderHomeView(
      {
        viewer: SUBJECT,
        canPickUser: false,
        filters: {
          sessionType: 'user',
          filterType: 'last_message_time',
          from: '2026-01-01',
          to: '2026-06-30',
        },
        body: {
          kind: 'listing',
          page: model({
            cursor: onward(start, ''),
            page: { sessions: SESSIONS, nextPageToken: '' },
            skipped: [],
          }),
        },
      },
      ctx,
    );
    expectValidHomeView(view);
    await snapshot('home-range-page', view);
    expect(visibleText(view)).toContain('Jan 1 – Jun 30 · Your number · Jun 20');
    const buttons = findButtons(view).filter((b) => b.text !== 'Open');
    expect(buttons.map((b) => b.actionId)).toEqual([
      HOME_ACTION_IDS.openFilters,
      HOME_ACTION_IDS.clearFilters,
      HOME_ACTION_IDS.refresh,
      HOME_ACTION_IDS.pagePrevious,
      HOME_ACTION_IDS.pageNext,
      HOME_ACTION_IDS.exportCsv,
    ]);
    expect(decodeCursor(buttons[4]?.value ?? '').range?.window).toBe(2);
  });
});
