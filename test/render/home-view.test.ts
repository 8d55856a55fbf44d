import type { HomeView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOME_FILTERS, type HomeFilters } from '../../src/core/home-filters.js';
import type { SmsSession } from '../../src/domain/sms.js';
import { AppError, type ErrorCode, invalidArgs } from '../../src/errors.js';
import type { PageCursor } from '../../src/query/cursor.js';
import { decodeCursor } from '../../src/query/cursor-wire.js';
import type { SessionQuery } from '../../src/query/types.js';
import type { HomeControlsModel } from '../../src/render/home-controls.js';
import {
  HOME_VIEW_MAX_BLOCKS,
  type HomeViewModel,
  renderHomeLoading,
  renderHomeView,
} from '../../src/render/home-view.js';
import { VIEW_MAX_BLOCKS } from '../../src/render/limits.js';
import type { RenderContext, SessionsPageModel } from '../../src/render/types.js';
import { HOME_ACTION_IDS, HOME_BLOCK_IDS, HOME_CALLBACK_ID } from '../../src/surface/ids.js';
import type { ZoomParticipant } from '../../src/zoom/schemas.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';
import { expectValidHomeView, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/New_York' };

const VIEWER = 'U0VIEWER1';
const OTHER = 'U0OTHER01';

const query: SessionQuery = {
  sessionType: 'user',
  filterType: 'last_message_time',
  from: '2026-10-27T12:00:00Z',
  to: '2026-11-26T12:00:00Z',
  pageSize: 10,
};

const cursorAt = (overrides: Partial<PageCursor> = {}): PageCursor => ({
  subject: { kind: 'slack-user', slackUserId: VIEWER },
  query,
  token: '',
  trail: [],
  page: 1,
  ...overrides,
});

const owner: ZoomParticipant = {
  display_name: 'Viewer Example',
  phone_number: '14155550100',
  is_session_owner: true,
  owner: { id: 'zoom-viewer', type: 'user' },
};

const minutesBefore = (minutes: number): string =>
  new Date(ctx.now.getTime() - minutes * 60_000).toISOString().replace('.000Z', 'Z');

const session = (i: number, name: string, type = 'user'): SmsSession =>
  sessionFromZoom({
    session_id: `session-${i}`,
    session_type: type,
    last_access_time: minutesBefore(i * 97),
    participants: [
      owner,
      {
        display_name: name,
        phone_number: `1415555${String(200 + i).padStart(4, '0')}`,
        is_session_owner: false,
      },
    ],
  });

const sessions = [
  session(1, 'Dana Whitfield'),
  session(2, '<Zed & Co> <!channel>'),
  session(3, 'Renée Müller 🌷'),
];

const page = (overrides: Partial<SessionsPageModel> = {}): SessionsPageModel => ({
  subject: {
    slackUserId: VIEWER,
    zoomUser: 'viewer@example.com',
    isSelf: true,
    resolvedBy: 'email',
  },
  cursor: cursorAt(),
  page: { sessions, nextPageToken: 'token-2' },
  notes: [{ kind: 'default-window', days: 30 }],
  ...overrides,
});

const controls = (overrides: Partial<HomeControlsModel> = {}): HomeControlsModel => ({
  viewer: VIEWER,
  canPickUser: false,
  filters: DEFAULT_HOME_FILTERS,
  ...overrides,
});

const chosenFilters: HomeFilters = {
  subject: OTHER,
  sessionType: 'call_queue',
  filterType: 'sent_message_time',
  from: '2026-11-01',
  to: '2026-11-20',
  phone: '+1 415 555 0123',
};

const listing = (
  model: SessionsPageModel,
  over: Partial<HomeControlsModel> = {},
): HomeViewModel => ({
  ...controls(over),
  body: { kind: 'listing', page: model },
});

const failure = (
  error: AppError,
  recovery: { retry?: PageCursor; startOver?: PageCursor } = {},
): HomeViewModel => ({ ...controls(), body: { kind: 'error', error, recovery } });

const snapshot = (name: string, view: HomeView) =>
  expect(JSON.stringify(view, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

const blockIds = (view: HomeView): (string | undefined)[] => view.blocks.map((b) => b.block_id);

/** The interactive element `actionId` of a view, wherever it sits. */
const chosen = (view: HomeView, actionId: string): unknown => {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit).find((found) => found !== undefined);
    if (typeof node !== 'object' || node === null) return undefined;
    if ((node as { action_id?: unknown }).action_id === actionId) return node;
    return visit(Object.values(node));
  };
  return visit(view.blocks);
};

describe('renderHomeLoading', () => {
  it('sums up the new filters in one line with Filters… and Clear filters, and says "Loading…"', async () => {
    const view = renderHomeLoading(
      controls({ filters: { ...chosenFilters, subject: VIEWER } }),
      ctx,
    );
    expectValidHomeView(view);
    await snapshot('home-loading', view);
    expect(view.callback_id).toBe(HOME_CALLBACK_ID);
    expect(blockIds(view)).toContain(HOME_BLOCK_IDS.loading);
    expect(visibleText(view)).toContain('Loading SMS conversations…');
    expect(visibleText(view)).toContain(
      'Filters: Nov 1 – Nov 20 · +1 415 555 0123 · Call queues · By time sent',
    );
    expect(findButtons(view).map((b) => b.text)).toEqual(['Filters…', 'Clear filters', 'Refresh']);
    expect(findButtons(view).map((b) => b.actionId)).toEqual([
      HOME_ACTION_IDS.openFilters,
      HOME_ACTION_IDS.clearFilters,
      HOME_ACTION_IDS.refresh,
    ]);
    // No permanent form: no selects, pickers or inputs on the tab itself.
    expect(JSON.stringify(view)).not.toMatch(/static_select|datepicker|plain_text_input/);
  });

  it('says "Filters: none" and offers no Clear filters when nothing is set', () => {
    const view = renderHomeLoading(controls(), ctx);
    expect(visibleText(view)).toContain('Filters: none');
    expect(findButtons(view).map((b) => b.text)).toEqual(['Filters…', 'Refresh']);
  });

  it('writes dates of another year with their year, and a number it cannot read as typed', () => {
    const view = renderHomeLoading(
      controls({ filters: { ...DEFAULT_HOME_FILTERS, from: '2025-08-01', phone: 'call <me>' } }),
      ctx,
    );
    expect(visibleText(view)).toContain('Filters: From Aug 1, 2025 · call <me>');
    expect(JSON.stringify(view)).toContain('call &lt;me&gt;');
  });
});

describe('renderHomeView', () => {
  it('shows who the viewer is in Zoom and their latest sessions with Next on page 1', async () => {
    const view = renderHomeView(listing(page()), ctx);
    expectValidHomeView(view);
    await snapshot('home-first-page', view);
    const text = visibleText(view);
    // The viewer's own email match is not worth a line; the rows are grouped by day.
    expect(text).not.toContain('Zoom user');
    expect(text).toMatch(/^SMS Conversations\n/);
    expect(text).toContain('Today\n');
    expect(text).toContain('Dana Whitfield · +1\u00a0415\u00a0555\u00a00201');
    expect(text).toContain('<Zed & Co> <!channel>');
    expect(JSON.stringify(view)).toContain('&lt;Zed &amp; Co&gt; &lt;!channel&gt;');
    expect(text).toContain('Past 30 days · Your number · 1–3, newest first');
    expect(blockIds(view)).not.toContain(HOME_BLOCK_IDS.person);
    const buttons = findButtons(view).filter((b) => b.text !== 'Open');
    expect(findButtons(view).filter((b) => b.text === 'Open')).toHaveLength(sessions.length);
    expect(buttons.map((b) => b.actionId)).toEqual([
      HOME_ACTION_IDS.openFilters,
      HOME_ACTION_IDS.refresh,
      HOME_ACTION_IDS.pageNext,
      HOME_ACTION_IDS.exportCsv,
    ]);
    expect(decodeCursor(buttons[3]?.value ?? '')).toMatchObject({ page: 1, token: '' });
    expect(decodeCursor(buttons[2]?.value ?? '')).toMatchObject({
      page: 2,
      token: 'token-2',
      trail: [''],
    });
  });

  it('gives an admin the user picker, showing whose conversations these are', async () => {
    const model = page({
      subject: {
        slackUserId: OTHER,
        zoomUser: 'other@example.com',
        isSelf: false,
        resolvedBy: 'link',
      },
      cursor: cursorAt({
        subject: { kind: 'slack-user', slackUserId: OTHER },
        query: {
          ...query,
          sessionType: 'call_queue',
          filterType: 'sent_message_time',
          phoneNumber: '14155550123',
        },
        token: 'token-2',
        trail: [''],
        page: 2,
      }),
      page: { sessions: [session(4, 'Sales contact', 'call_queue')], nextPageToken: 'token-3' },
      notes: [],
    });
    const view = renderHomeView(listing(model, { canPickUser: true, filters: chosenFilters }), ctx);
    expectValidHomeView(view);
    await snapshot('home-admin-other-person', view);
    expect(visibleText(view)).toContain(
      `Person: @${OTHER} · Zoom user: other@example.com (linked by an admin)`,
    );
    expect(chosen(view, HOME_ACTION_IDS.pickUser)).toMatchObject({
      type: 'users_select',
      initial_user: OTHER,
    });
    expect(visibleText(view)).toContain(
      `Filters: Nov 1 – Nov 20 · +1 415 555 0123 · Call queues · By time sent`,
    );
    expect(visibleText(view)).toContain('Person: admins can look at anyone’s SMS conversations.');
    expect(visibleText(view)).toContain('with +1 415 555 0123');
    expect(visibleText(view)).toMatch(/ · 11, newest first|11–/);
    const pager = findButtons(view).filter((b) => b.blockId === HOME_BLOCK_IDS.pager);
    expect(pager.map((b) => b.actionId)).toEqual([
      HOME_ACTION_IDS.pagePrevious,
      HOME_ACTION_IDS.pageNext,
    ]);
    expect(decodeCursor(pager[0]?.value ?? '')).toMatchObject({ page: 1, token: '' });
  });

  it('repeats the filters and says what to widen when nothing is found', async () => {
    const view = renderHomeView(
      listing(
        page({
          cursor: cursorAt({
            query: { ...query, sessionType: 'call_queue', phoneNumber: '14155550123' },
          }),
          page: { sessions: [], nextPageToken: '' },
          notes: [{ kind: 'open-ended', days: 30, clippedToNow: true }],
        }),
      ),
      ctx,
    );
    expectValidHomeView(view);
    await snapshot('home-empty', view);
    const text = visibleText(view);
    expect(text).toContain(
      `No SMS conversations for @${VIEWER} between Oct 27, 2026 8:00 AM EDT and Nov 26, 2026 7:00 AM EST (Call queue, by last message time, with +1 415 555 0123).`,
    );
    expect(text).toContain('Try a wider window, Type: All or no phone number.');
    expect(text).toContain('No end date: showing the 30 days from the start date (up to now).');
    expect(findButtons(view).map((b) => b.actionId)).toEqual([
      HOME_ACTION_IDS.openFilters,
      HOME_ACTION_IDS.refresh,
    ]);
  });

  it('says the list has ended on an empty later page, with a way back', async () => {
    const view = renderHomeView(
      listing(
        page({
          cursor: cursorAt({ token: 't3', trail: ['', 't2'], page: 3 }),
          page: { sessions: [], nextPageToken: '' },
          notes: [],
        }),
      ),
      ctx,
    );
    expectValidHomeView(view);
    await snapshot('home-end-of-list', view);
    expect(visibleText(view)).toContain('this is the end of the list');
    expect(findButtons(view).map((b) => b.actionId)).toContain(HOME_ACTION_IDS.pagePrevious);
  });

  it.each([
    [20, 'user'],
    [100, 'all'],
  ] as const)(
    'stays within 100 blocks for %i sessions of ten long-named participants',
    (size, type) => {
      const longName = `<b>Ünïcødé & Sons</b> 👩‍👩‍👧‍👦 ${'Q&A <x> '.repeat(40)}`;
      const worst: SmsSession[] = Array.from({ length: size }, (_, i) =>
        sessionFromZoom({
          session_id: `worst-${i}`,
          session_type: 'x'.repeat(500),
          last_access_time: minutesBefore(i),
          participants: Array.from({ length: 10 }, (_, p) => ({
            display_name: `${p}${longName}`,
            phone_number: `1415555${String(1000 + p).padStart(4, '0')}`,
          })),
        }),
      );
      const view = renderHomeView(
        {
          ...listing(
            page({
              cursor: cursorAt({
                query: { ...query, pageSize: size, sessionType: type, phoneNumber: '18108001001' },
                token: 't7',
                trail: ['', 't2', 't3', 't4', 't5', 't6'],
                page: 7,
              }),
              page: { sessions: worst, nextPageToken: 'n'.repeat(1500) },
              notes: [
                { kind: 'open-ended', days: 30, clippedToNow: true },
                { kind: 'default-window', days: 30 },
              ],
            }),
            {
              canPickUser: true,
              notify: true,
              filters: { ...chosenFilters, phone: '9'.repeat(40) },
            },
          ),
          listing: { share: true, notice: 'That page link had expired, so this is page 1 again.' },
          unanswered: Array.from({ length: 12 }, (_, i) => ({
            sessionId: `waiting-${i}`,
            receivedAt: minutesBefore(i),
            replyFailed: true,
            contact: { name: `${i}${longName}`, phoneNumber: '+14155550100', isOwner: false },
          })),
        },
        ctx,
      );
      expectValidHomeView(view);
      expect(view.blocks.length).toBeLessThanOrEqual(HOME_VIEW_MAX_BLOCKS);
      expect(HOME_VIEW_MAX_BLOCKS).toBeLessThanOrEqual(VIEW_MAX_BLOCKS);
      expect(findButtons(view).filter((b) => b.blockId === HOME_BLOCK_IDS.pager)).toHaveLength(2);
    },
  );

  it('leads with the conversations waiting for a reply, each with Reply and Open, saying a failed reply', async () => {
    const view = renderHomeView(
      {
        ...listing(page()),
        unanswered: [
          {
            sessionId: 'session-2',
            receivedAt: minutesBefore(5),
            contact: { name: '<Zed & Co>', phoneNumber: '+14155550202', isOwner: false },
          },
          { sessionId: 'session-9', receivedAt: minutesBefore(90), replyFailed: true },
        ],
      },
      ctx,
    );
    expectValidHomeView(view);
    await snapshot('home-unanswered', view);
    const text = visibleText(view);
    expect(text).toMatch(/^SMS Conversations\nWaiting for your reply \(2\)\n<Zed & Co> · \+1/);
    expect(text).toMatch(/Unknown contact\nTexted .+ · Your last reply was not delivered\n/);
    expect(text.match(/not delivered/g)).toHaveLength(1);
    expect(blockIds(view)[1]).toBe(HOME_BLOCK_IDS.unanswered);
    const replies = findButtons(view).filter((b) => b.text === 'Reply');
    expect(replies.map((b) => b.actionId)).toEqual(['inbox_reply.home.0', 'inbox_reply.home.1']);
    expect(replies.map((b) => JSON.parse(b.value ?? ''))).toEqual([
      { sessionId: 'session-2' },
      { sessionId: 'session-9' },
    ]);
    const opens = findButtons(view).filter(
      (b) => b.text === 'Open' && b.actionId?.startsWith('sms_sessions.open.100'),
    );
    expect(opens).toHaveLength(2);
    expect(JSON.parse(opens[0]?.value ?? '')).toMatchObject({ i: 'session-2', s: VIEWER });
  });

  it('says the expired page link in one line above page 1, and offers Share when it is on', () => {
    const view = renderHomeView(
      {
        ...listing(page()),
        listing: {
          share: true,
          notice: ':information_source: That page link had expired, so this is page 1 again.',
        },
      },
      ctx,
    );
    expectValidHomeView(view);
    expect(visibleText(view)).toContain('That page link had expired, so this is page 1 again.');
    const actions = findButtons(view).filter((b) => b.blockId === HOME_BLOCK_IDS.listActions);
    expect(actions.map((b) => [b.text, b.actionId])).toEqual([
      ['Export CSV', HOME_ACTION_IDS.exportCsv],
      ['Share to channel', HOME_ACTION_IDS.share],
    ]);
    expect(JSON.stringify(view)).not.toContain('"confirm"');
    expect(decodeCursor(actions[1]?.value ?? '')).toMatchObject({ page: 1 });
  });

  it('is a pure function of model and context', () => {
    const model = listing(page(), { canPickUser: true });
    expect(JSON.stringify(renderHomeView(model, ctx))).toBe(
      JSON.stringify(renderHomeView(model, ctx)),
    );
  });

  const zoomError = (code: ErrorCode, detail: AppError['detail'] = {}) =>
    new AppError(code, code, { detail });

  const retryable = {
    retry: cursorAt({ token: 't2', trail: [''], page: 2 }),
    startOver: cursorAt(),
  };

  it.each([
    ['not-linked', zoomError('NOT_LINKED', { value: VIEWER }), /No Zoom account linked/, []],
    [
      'user-not-found',
      zoomError('ZOOM_USER_NOT_FOUND', { zoomUser: 'viewer@example.com', zoomCode: 1001 }),
      /No matching Zoom user[\s\S]*viewer@example.com/,
      [],
    ],
    [
      'phone-not-enabled',
      zoomError('ZOOM_PHONE_NOT_ENABLED', { zoomUser: 'viewer@example.com', zoomCode: 2031 }),
      /No Zoom Phone licence/,
      [],
    ],
    [
      'zoom-unavailable',
      zoomError('ZOOM_UNAVAILABLE', { status: 503 }),
      /Zoom isn't answering/,
      [HOME_ACTION_IDS.pageStartOver, HOME_ACTION_IDS.pageRetry],
    ],
    [
      'rate-limited',
      zoomError('ZOOM_RATE_LIMITED', { retryAfterMs: 120_000 }),
      /Zoom is busy[\s\S]*Try again in about 2 minutes/,
      [HOME_ACTION_IDS.pageStartOver, HOME_ACTION_IDS.pageRetry],
    ],
    [
      'page-expired',
      zoomError('PAGE_EXPIRED'),
      /This page link has expired/,
      [HOME_ACTION_IDS.pageStartOver],
    ],
    ['forbidden', zoomError('FORBIDDEN'), /Only admins of this app can look up/, []],
    ['bad-button', zoomError('BAD_BUTTON'), /old or altered view[\s\S]*Press Refresh/, []],
    [
      'range-over-cap',
      invalidArgs('range-over-cap', { limit: 12, value: '2025-09-01…2026-11-01' }),
      /Check the filters[\s\S]*more than 12 months apart/,
      [],
    ],
    [
      'from-after-to',
      invalidArgs('from-after-to', { value: '2026-11-20…2026-11-01' }),
      /From date is after the To date/,
      [],
    ],
    [
      'from-in-future',
      invalidArgs('from-in-future', { option: 'from', value: '2027-01-01' }),
      /From date 2027-01-01 is in the future/,
      [],
    ],
    [
      'bad-phone',
      invalidArgs('bad-phone', { option: 'phone', value: 'call <me> `maybe`' }),
      /call <me> ˋmaybeˋ doesn't look like a phone number/,
      [],
    ],
  ] as const)('explains %s in place of the listing', async (name, error, message, buttons) => {
    const view = renderHomeView(failure(error, retryable), ctx);
    expectValidHomeView(view);
    await snapshot(`home-error-${name}`, view);
    expect(visibleText(view)).toMatch(message);
    const offered = findButtons(view).filter((b) => b.blockId === HOME_BLOCK_IDS.errorActions);
    expect(offered.map((b) => b.actionId)).toEqual(buttons);
    for (const button of offered) expect(() => decodeCursor(button.value ?? '')).not.toThrow();
    if (name === 'phone-not-enabled') {
      // Without a licence, filters would change nothing: the explanation alone.
      expect(blockIds(view)).not.toContain(HOME_BLOCK_IDS.filters);
      expect(findButtons(view)).toEqual([]);
    } else {
      expect(blockIds(view)).toContain(HOME_BLOCK_IDS.filters);
    }
  });

  it('offers Try again only with the page that failed, and nothing without one', () => {
    const withRetry = renderHomeView(failure(zoomError('ZOOM_UNAVAILABLE'), retryable), ctx);
    const retry = findButtons(withRetry).find((b) => b.actionId === HOME_ACTION_IDS.pageRetry);
    expect(decodeCursor(retry?.value ?? '')).toMatchObject({ page: 2, token: 't2' });
    const without = renderHomeView(failure(zoomError('ZOOM_UNAVAILABLE')), ctx);
    expect(findButtons(without).map((b) => b.actionId)).toEqual([
      HOME_ACTION_IDS.openFilters,
      HOME_ACTION_IDS.refresh,
    ]);
  });
});
