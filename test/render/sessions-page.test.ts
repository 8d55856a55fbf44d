import { describe, expect, it } from 'vitest';
import type { SmsSession } from '../../src/domain/sms.js';
import {
  firstCursor,
  nextCursor,
  type PageCursor,
  previousCursor,
} from '../../src/query/cursor.js';
import { decodeCursor } from '../../src/query/cursor-wire.js';
import type { SessionQuery, WindowNote } from '../../src/query/types.js';
import {
  DETAILED_LAYOUT_MAX_SESSIONS,
  MESSAGE_MAX_TEXT_CHARS,
  PAGE_FRAME_ELEMENT_MAX_CHARS,
  PAGE_FRAME_MAX_BLOCKS,
  PAGE_FRAME_MAX_ELEMENTS,
  sessionCharBudget,
} from '../../src/render/limits.js';
import { renderSessionsPage } from '../../src/render/sessions-page.js';
import type { RenderContext, SessionsPageModel } from '../../src/render/types.js';
import { ACTION_IDS, BLOCK_IDS } from '../../src/surface/ids.js';
import type { ZoomParticipant, ZoomSmsSession } from '../../src/zoom/schemas.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';
import {
  blockTextLength,
  expectValidMessage,
  findButtons,
  visibleText,
} from '../helpers/block-kit.js';

/** The Previous / Start over / Next buttons, apart from Open, Export and Share. */
const pagerButtons = (message: { blocks: readonly unknown[] }) =>
  findButtons(message).filter((button) => button.blockId === BLOCK_IDS.pager);

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/New_York' };

const SUBJECT = 'U0123ABCD';

const baseQuery: SessionQuery = {
  sessionType: 'user',
  filterType: 'last_message_time',
  from: '2026-10-27T12:00:00Z',
  to: '2026-11-26T12:00:00Z',
  pageSize: 10,
};

const cursorAt = (overrides: Partial<PageCursor> = {}): PageCursor => ({
  subject: { kind: 'slack-user', slackUserId: SUBJECT },
  query: baseQuery,
  token: '',
  trail: [],
  page: 1,
  ...overrides,
});

const me: ZoomParticipant = {
  display_name: 'Alex Rivera',
  phone_number: '14155550100',
  is_session_owner: true,
  owner: { id: 'zoom-alex', type: 'user' },
};

const person = (name: string, phone: string): ZoomParticipant => ({
  display_name: name,
  phone_number: phone,
  is_session_owner: false,
});

const minutesBefore = (minutes: number): string =>
  new Date(ctx.now.getTime() - minutes * 60_000).toISOString().replace('.000Z', 'Z');

const direct = (id: number, others: ZoomParticipant[]): ZoomSmsSession => ({
  session_id: `session-${id}`,
  session_type: 'user',
  last_access_time: minutesBefore(id * 97),
  participants: [me, ...others],
});

const zoomSessions: ZoomSmsSession[] = [
  direct(1, [person('Dana Whitfield', '18108001001')]),
  direct(2, [person('<Zed & Co> <!channel>', '442079460958')]),
  direct(3, [person('Renée Müller 🌷', '33612345678'), person('Bo', '14155550101')]),
  {
    session_id: 'session-4',
    session_type: 'call_queue',
    last_access_time: minutesBefore(2000),
    participants: [
      {
        display_name: 'Sales Queue',
        phone_number: '14155550199',
        is_session_owner: true,
        owner: { id: 'cq-1', type: 'callQueue' },
      },
      person('Priya Natarajan', '14155550123'),
    ],
  },
  {
    session_id: 'session-5',
    session_type: 'auto_receptionist',
    last_access_time: minutesBefore(3000),
    participants: [
      {
        display_name: 'Main Line',
        phone_number: '14155550000',
        is_session_owner: true,
        owner: { id: 'ar-1', type: 'autoReceptionist' },
      },
      { phone_number: '14155550124', is_session_owner: false },
    ],
  },
  {
    session_id: 'session-6',
    session_type: 'user',
    participants: [me, person('No Time', '14155550125')],
  },
  {
    session_id: 'session-7',
    session_type: 'user',
    last_access_time: minutesBefore(5000),
    participants: [me],
  },
  {
    session_id: 'session-8',
    session_type: 'fax_line',
    last_access_time: minutesBefore(6000),
    participants: [person('Odd Type', '14155550126')],
  },
  direct(9, [person('Sam', 'not-a-number')]),
  direct(10, [{ is_session_owner: false }]),
];

const tenSessions: SmsSession[] = zoomSessions.map((s) => sessionFromZoom(s));

const model = (overrides: Partial<SessionsPageModel> = {}): SessionsPageModel => ({
  subject: { slackUserId: SUBJECT, zoomUser: 'alex@example.com', isSelf: true },
  cursor: cursorAt(),
  page: { sessions: tenSessions, nextPageToken: 'token-2' },
  notes: [],
  ...overrides,
});

const snapshot = (name: string, message: unknown) =>
  expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

const longName = (i: number): string =>
  `<b>Ünïcødé & Sons ${i}</b> 👩‍👩‍👧‍👦🎉 ${'Q&A <x> '.repeat(40)}`.slice(0, 300);

const worstSession = (i: number, type = 'user'): SmsSession =>
  sessionFromZoom({
    session_id: `worst-${i}`,
    session_type: type,
    last_access_time: minutesBefore(i),
    participants: Array.from({ length: 10 }, (_, p) =>
      person(`${p}${longName(i)}`, `1415555${String(1000 + p).padStart(4, '0')}`),
    ),
  });

const worstModel = (
  pageSize: number,
  sessionType: SessionQuery['sessionType'],
): SessionsPageModel =>
  model({
    cursor: cursorAt({
      query: { ...baseQuery, pageSize, sessionType, phoneNumber: '18108001001' },
      page: 7,
      token: 't7',
      trail: ['', 't2', 't3', 't4', 't5', 't6'],
    }),
    page: {
      sessions: Array.from({ length: pageSize }, (_, i) =>
        worstSession(i, i % 2 === 0 ? 'call_queue' : 'x'.repeat(500)),
      ),
      nextPageToken: 'next-token',
    },
    notes: [
      { kind: 'open-ended', days: 30, clippedToNow: true },
      { kind: 'default-window', days: 30 },
    ],
  });

describe('renderSessionsPage', () => {
  it('renders the first page with a Next button when Zoom has more', async () => {
    const message = renderSessionsPage(
      model({ notes: [{ kind: 'default-window', days: 30 }] }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot('page-first', message);

    expect(message.text).toBe(`10 SMS conversations for <@${SUBJECT}>, page 1`);
    const buttons = pagerButtons(message);
    expect(buttons.map((b) => [b.text, b.actionId, b.blockId])).toEqual([
      ['Next', ACTION_IDS.pageNext, BLOCK_IDS.pager],
    ]);
    expect(decodeCursor(buttons[0]?.value ?? '')).toEqual(nextCursor(cursorAt(), 'token-2'));
  });

  it('shows the other participants, escaped, and not the owner when there are others', () => {
    const message = renderSessionsPage(model(), ctx);
    const text = visibleText(message);
    const raw = JSON.stringify(message.blocks);

    expect(text).toContain('<Zed & Co> <!channel> (+44 20 7946 0958)');
    expect(raw).toContain('&lt;Zed &amp; Co&gt; &lt;!channel&gt;');
    expect(raw).not.toContain('<Zed');
    expect(raw).not.toContain('<!channel>');
    expect(text).toContain('Renée Müller 🌷 (+33 6 12 34 56 78), Bo (+1 415 555 0101)');
    expect(text).toContain('Dana Whitfield (+1 810 800 1001)');
    expect(text).not.toContain('Alex Rivera (+1 415 555 0100), ');
    expect(text).toContain('Alex Rivera (+1 415 555 0100)\n');
    expect(text).toContain('+1 415 555 0124');
    expect(text).toContain('Sam (not-a-number)');
    expect(text).toContain('Unknown participant');
  });

  it('says what kind of session it is, who owns it and when it was last active', () => {
    const text = visibleText(renderSessionsPage(model(), ctx));
    const raw = JSON.stringify(renderSessionsPage(model(), ctx).blocks);

    expect(text).toContain('Direct · You own this · Last activity: Nov 26, 2026 at 5:23 AM');
    expect(raw).toContain(
      `<!date^${Math.floor(Date.parse(minutesBefore(97)) / 1000)}^{date_short_pretty} at {time}|Nov 26, 2026 at 5:23 AM>`,
    );
    expect(text).toContain('Call queue · Owned by call queue Sales Queue · Last activity:');
    expect(text).toContain('Auto receptionist · Owned by auto receptionist Main Line');
    expect(text).toContain('Direct · You own this · Last activity: unknown');
    expect(text).toContain('fax_line · Last activity:');
  });

  it("names the subject as owner when an admin looks at someone else's sessions", () => {
    const message = renderSessionsPage(
      model({ subject: { slackUserId: SUBJECT, zoomUser: 'alex@example.com', isSelf: false } }),
      ctx,
    );
    expect(visibleText(message)).toContain(`Direct · @${SUBJECT} owns this`);
  });

  it('tells who was searched, the window in the viewer time zone, type, filter, phone and page', () => {
    const message = renderSessionsPage(
      model({
        cursor: cursorAt({
          query: {
            ...baseQuery,
            from: '2026-11-01T04:00:00Z',
            to: '2026-11-16T04:59:59Z',
            filterType: 'sent_message_time',
            phoneNumber: '18108001001',
          },
        }),
      }),
      ctx,
    );
    const text = visibleText(message);
    expect(text).toContain(`Who: @${SUBJECT} (Zoom user alex@example.com)`);
    expect(text).toContain('When: Nov 1, 2026 – Nov 15, 2026');
    expect(text).toContain('Type: Direct · by time sent · Phone: +1 810 800 1001 · Page 1');
  });

  it('shows Previous and Next on a middle page, each with a decodable cursor', async () => {
    const cursor = cursorAt({ token: 'token-2', trail: [''], page: 2 });
    const message = renderSessionsPage(
      model({ cursor, page: { sessions: tenSessions.slice(0, 4), nextPageToken: 'token-3' } }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot('page-middle', message);

    expect(message.text).toBe(`4 SMS conversations for <@${SUBJECT}>, page 2`);
    const buttons = pagerButtons(message);
    expect(buttons.map((b) => b.text)).toEqual(['Previous', 'Next']);
    expect(buttons.map((b) => b.style)).toEqual([undefined, 'primary']);
    expect(decodeCursor(buttons[0]?.value ?? '')).toEqual(previousCursor(cursor));
    expect(decodeCursor(buttons[1]?.value ?? '')).toEqual(nextCursor(cursor, 'token-3'));
  });

  it('shows only Previous on the last page', async () => {
    const cursor = cursorAt({ token: 'token-3', trail: ['', 'token-2'], page: 3 });
    const message = renderSessionsPage(
      model({ cursor, page: { sessions: tenSessions.slice(0, 1), nextPageToken: '' } }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot('page-last', message);

    expect(message.text).toBe(`1 SMS conversation for <@${SUBJECT}>, page 3`);
    const buttons = pagerButtons(message);
    expect(buttons.map((b) => b.actionId)).toEqual([ACTION_IDS.pagePrevious]);
    expect(decodeCursor(buttons[0]?.value ?? '')).toEqual(
      cursorAt({ token: 'token-2', trail: [''], page: 2 }),
    );
  });

  it('offers Start over when the trail does not reach back to the previous page', async () => {
    const cursor = cursorAt({ token: 'token-9', trail: [], page: 9 });
    const message = renderSessionsPage(
      model({ cursor, page: { sessions: tenSessions.slice(0, 2), nextPageToken: 'token-10' } }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot('page-start-over', message);

    const buttons = pagerButtons(message);
    expect(buttons.map((b) => [b.text, b.actionId])).toEqual([
      ['Start over', ACTION_IDS.pageStartOver],
      ['Next', ACTION_IDS.pageNext],
    ]);
    expect(decodeCursor(buttons[0]?.value ?? '')).toEqual(firstCursor(cursor));
  });

  it('repeats the filters in a friendly empty state and has no buttons when nothing is left', async () => {
    const message = renderSessionsPage(
      model({
        cursor: cursorAt({ query: { ...baseQuery, phoneNumber: '18108001001' } }),
        page: { sessions: [], nextPageToken: '' },
        notes: [{ kind: 'default-window', days: 30 }],
      }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot('page-empty', message);

    expect(findButtons(message)).toEqual([]);
    const text = visibleText(message);
    expect(text).toContain(
      `No SMS conversations for @${SUBJECT} between Oct 27, 2026 8:00 AM EDT and Nov 26, 2026 7:00 AM EST (Direct, by last message time, with +1 810 800 1001).`,
    );
    expect(text).toContain('Try a wider window, type:all or no phone:.');
    expect(message.text).toContain('No SMS conversations for');
  });

  it('does not suggest type:all when the search already covers every type', () => {
    const message = renderSessionsPage(
      model({
        cursor: cursorAt({ query: { ...baseQuery, sessionType: 'all' } }),
        page: { sessions: [], nextPageToken: '' },
      }),
      ctx,
    );
    expect(visibleText(message)).toContain('Try a wider window.');
  });

  it('says the list has ended on an empty later page and still offers Previous', () => {
    const cursor = cursorAt({ token: 'token-2', trail: [''], page: 2 });
    const message = renderSessionsPage(
      model({ cursor, page: { sessions: [], nextPageToken: '' } }),
      ctx,
    );
    expectValidMessage(message);
    expect(visibleText(message)).toContain('No more SMS conversations');
    expect(pagerButtons(message).map((b) => b.text)).toEqual(['Previous']);
  });

  it.each<[string, WindowNote, string]>([
    [
      'default-window',
      { kind: 'default-window', days: 30 },
      'No dates given: showing the past 30 days.',
    ],
    [
      'open-ended',
      { kind: 'open-ended', days: 30, clippedToNow: true },
      'from: given without to:, so showing the 30 days after it (up to now).',
    ],
    [
      'open-ended-whole',
      { kind: 'open-ended', days: 30, clippedToNow: false },
      'from: given without to:, so showing the 30 days after it.',
    ],
    [
      'open-start',
      { kind: 'open-start', days: 30 },
      'to: given without from:, so showing the 30 days up to it.',
    ],
  ])('explains how the dates were read (%s)', async (name, note, sentence) => {
    const message = renderSessionsPage(
      model({ page: { sessions: tenSessions.slice(0, 3), nextPageToken: '' }, notes: [note] }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot(`page-note-${name}`, message);
    expect(visibleText(message)).toContain(sentence);
  });

  it('fits 100 sessions of 10 participants with 300-character names into one message', async () => {
    const worst = worstModel(100, 'all');
    const message = renderSessionsPage(worst, ctx);
    expectValidMessage(message);
    await snapshot('page-100-sessions', message);

    expect(message.text).toBe(`100 SMS conversations for <@${SUBJECT}>, page 7`);
    const lines = visibleText(message)
      .split('\n')
      .filter((line) => line.startsWith('• '));
    expect(lines).toHaveLength(100);
    for (const line of lines) {
      expect(line).toMatch(/^• 0<b>Ü.*… \+\d more · (Call queue|x+…) · /);
    }
    const raw = JSON.stringify(message.blocks);
    expect(raw).not.toMatch(/<b>|<x>/);
    expect(raw).toContain('&lt;b&gt;');
    expect(pagerButtons(message).map((b) => b.text)).toEqual(['Previous', 'Next']);
    const frame = message.blocks.filter((block) => block.type !== 'section');
    expect(frame.length).toBeLessThanOrEqual(PAGE_FRAME_MAX_BLOCKS);
    const frameElements = frame.flatMap((block) =>
      block.type === 'context' ? block.elements : [],
    );
    expect(frameElements.length).toBeLessThanOrEqual(PAGE_FRAME_MAX_ELEMENTS);
    for (const element of frameElements) {
      expect('text' in element ? element.text.length : 0).toBeLessThanOrEqual(
        PAGE_FRAME_ELEMENT_MAX_CHARS,
      );
    }
  });

  it.each([
    1,
    2,
    9,
    10,
    DETAILED_LAYOUT_MAX_SESSIONS,
    DETAILED_LAYOUT_MAX_SESSIONS + 1,
    33,
    50,
    99,
    100,
  ])('stays inside every limit with %i worst-case sessions a page', (pageSize) => {
    for (const type of ['all', 'user'] as const) {
      const worst = worstModel(pageSize, type);
      const message = renderSessionsPage(worst, ctx);
      expectValidMessage(message);
      expect(blockTextLength(message)).toBeLessThanOrEqual(MESSAGE_MAX_TEXT_CHARS);
      const shown = visibleText(message).match(/\b0<b>Ü/g) ?? [];
      expect(shown).toHaveLength(pageSize);
    }
  });

  it('gives each session its own section at the default page size', () => {
    const message = renderSessionsPage(model(), ctx);
    const sections = message.blocks.filter((block) => block.type === 'section');
    expect(sections).toHaveLength(tenSessions.length);
  });

  it('shortens long names fairly, never inside an escape, when there is room for all', () => {
    const budget = sessionCharBudget(10);
    const message = renderSessionsPage(
      model({ page: { sessions: [worstSession(1)], nextPageToken: '' } }),
      ctx,
    );
    const section = message.blocks.find((block) => block.type === 'section');
    const who = section?.type === 'section' ? (section.text?.text ?? '') : '';
    expect(who.length).toBeLessThanOrEqual(budget);
    expect(who).toMatch(/…/);
    expect(who).not.toMatch(/&(?:a|am|l|g)?…/);
    expect(who).not.toMatch(/more$/);
    for (let p = 0; p < 10; p += 1) expect(who).toContain(`${p}&lt;b&gt;Ünïcødé`);
  });

  it('is a pure function of model and context', () => {
    expect(renderSessionsPage(model(), ctx)).toEqual(renderSessionsPage(model(), ctx));
  });
});

describe('renderSessionsPage subjects', () => {
  const few = { sessions: tenSessions.slice(0, 2), nextPageToken: 'token-2' };

  it('says the Zoom user was matched by email when resolution used the Slack profile', () => {
    const message = renderSessionsPage(
      model({
        page: few,
        subject: {
          slackUserId: SUBJECT,
          zoomUser: 'alex@example.com',
          isSelf: true,
          resolvedBy: 'email',
        },
      }),
      ctx,
    );
    expectValidMessage(message);
    expect(visibleText(message)).toContain(
      `Who: @${SUBJECT} (Zoom user alex@example.com, matched by email)`,
    );
  });

  it('says an admin linked the Zoom user when resolution used a link', async () => {
    const message = renderSessionsPage(
      model({
        page: few,
        subject: {
          slackUserId: SUBJECT,
          zoomUser: 'alex.zoom@example.org',
          isSelf: false,
          resolvedBy: 'link',
        },
      }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot('page-linked-subject', message);
    expect(visibleText(message)).toContain(
      `Who: @${SUBJECT} (Zoom user alex.zoom@example.org, linked by an admin)`,
    );
  });

  it('names a Zoom user given directly, with no Slack mention, when an admin used zoom:', async () => {
    const zoomCursor = cursorAt({ subject: { kind: 'zoom-user', zoomUser: 'carol@example.com' } });
    const message = renderSessionsPage(
      model({
        cursor: zoomCursor,
        page: few,
        subject: { zoomUser: 'carol@example.com', isSelf: false, resolvedBy: 'zoom-target' },
      }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot('page-zoom-subject', message);
    const text = visibleText(message);
    expect(text).toContain('Who: Zoom user carol@example.com (named directly)');
    expect(text).toContain('Zoom user carol@example.com owns this');
    expect(text).not.toContain('@U');
    expect(message.text).toContain('for Zoom user `carol@example.com`');
    const next = findButtons(message).find((b) => b.actionId === ACTION_IDS.pageNext);
    expect(decodeCursor(next?.value ?? '').subject).toEqual(zoomCursor.subject);
  });

  it('names the Zoom user in the empty state when an admin used zoom:', () => {
    const message = renderSessionsPage(
      model({
        cursor: cursorAt({ subject: { kind: 'zoom-user', zoomUser: 'carol@example.com' } }),
        page: { sessions: [], nextPageToken: '' },
        subject: { zoomUser: 'carol@example.com', isSelf: false, resolvedBy: 'zoom-target' },
      }),
      ctx,
    );
    expect(visibleText(message)).toContain('No SMS conversations for Zoom user carol@example.com');
  });
});
