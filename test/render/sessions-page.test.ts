import { describe, expect, it } from 'vitest';
import type { SmsSession } from '../../src/domain/sms.js';
import { AppError } from '../../src/errors.js';
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
} from '../../src/render/limits.js';
import { type PageAside, renderSessionsPage } from '../../src/render/sessions-page.js';
import type { RenderContext, SessionsPageModel } from '../../src/render/types.js';
import { ACTION_IDS, BLOCK_IDS, SESSION_BLOCK_IDS } from '../../src/surface/ids.js';
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

/** Every row's section text, in order (the sessions, not the frame). */
const rowTexts = (message: { blocks: readonly unknown[] }): string[] =>
  (message.blocks as { type: string; accessory?: unknown; text?: { text: string } }[])
    .filter((block) => block.type === 'section' && block.text?.text.includes('\n'))
    .map((block) => block.text?.text ?? '');

describe('renderSessionsPage', () => {
  it('reads at a glance: a title, one grey line, one block per conversation, pager under the rows', async () => {
    const message = renderSessionsPage(
      model({ notes: [{ kind: 'default-window', days: 30 }] }),
      ctx,
      { share: { maskNumbers: true } },
    );
    expectValidMessage(message);
    await snapshot('page-first', message);

    expect(message.text).toBe(`10 SMS conversations for <@${SUBJECT}>, page 1`);
    const text = visibleText(message);
    expect(text.startsWith('Your SMS conversations\n')).toBe(true);
    expect(text).toContain('Past 30 days · Your number · 1–10, newest first');
    expect(text).not.toMatch(/Who:|When:|Type:|You own this|Direct/);
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'context',
      ...Array<string>(10).fill('section'),
      'actions',
      'actions',
    ]);
    expect(message.blocks.at(-2)).toMatchObject({ block_id: BLOCK_IDS.pager });
    const buttons = pagerButtons(message);
    expect(buttons.map((b) => [b.text, b.actionId, b.style])).toEqual([
      ['Next', ACTION_IDS.pageNext, undefined],
    ]);
    expect(decodeCursor(buttons[0]?.value ?? '')).toEqual(nextCursor(cursorAt(), 'token-2'));
  });

  it('shows each conversation as a bold contact, their unbroken number, how many others and a relative date', () => {
    const message = renderSessionsPage(model(), ctx);
    const rows = rowTexts(message);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toBe(
      `*Dana Whitfield* · +1\u00a0810\u00a0800\u00a01001\n<!date^${Math.floor(Date.parse(minutesBefore(97)) / 1000)}^{ago}|Nov 26, 5:23 AM>`,
    );
    expect(rows[1]).toContain('*&lt;Zed &amp; Co&gt; &lt;!channel&gt;* · +44');
    expect(rows[2]).toMatch(/^\*Renée Müller 🌷\* · \+33\u00a06.* · \+1 other\n/);
    expect(rows[3]).toMatch(/^\*Priya Natarajan\* .*\n.* · via Sales Queue$/);
    expect(rows[4]).toMatch(/^\*\+1\u00a0415\u00a0555\u00a00124\*\n.* · via Main Line$/);
    expect(rows[5]).toMatch(/\nno date$/);
    expect(rows[7]).toMatch(/ · fax_line$/);
    expect(rows[9]).toMatch(/^\*Unknown contact\*\n/);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain('<Zed');
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('auto receptionist Main Line');
  });

  it('labels every repeated button for screen readers, within 75 characters', () => {
    const message = renderSessionsPage(
      model({
        cursor: cursorAt({ token: 'token-2', trail: [''], page: 2 }),
        page: { sessions: [...tenSessions.slice(0, 3), worstSession(1)], nextPageToken: 'token-3' },
      }),
      ctx,
    );
    const opens = findButtons(message).filter((b) => b.text === 'Open');
    expect(opens).toHaveLength(4);
    const labels = (message.blocks as { accessory?: { accessibility_label?: string } }[])
      .map((block) => block.accessory?.accessibility_label)
      .filter((label) => label !== undefined);
    expect(labels.slice(0, 3)).toEqual([
      'Open conversation with Dana Whitfield',
      'Open conversation with <Zed & Co> <!channel>',
      'Open conversation with Renée Müller 🌷',
    ]);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(75);
    const pager = (message.blocks.find((b) => b.block_id === BLOCK_IDS.pager) ?? {}) as {
      elements?: { accessibility_label?: string; style?: string }[];
    };
    expect(pager.elements?.map((e) => [e.accessibility_label, e.style])).toEqual([
      ['Previous page of SMS conversations', undefined],
      ['Next page of SMS conversations', undefined],
    ]);
  });

  it("names the person and their Zoom user when an admin looks at someone else's, and says the type in their name", () => {
    const message = renderSessionsPage(
      model({
        subject: {
          slackUserId: SUBJECT,
          zoomUser: 'alex@example.com',
          isSelf: false,
          resolvedBy: 'email',
        },
      }),
      ctx,
    );
    const text = visibleText(message);
    expect(text.startsWith('SMS conversations\n')).toBe(true);
    expect(text).toContain(`Person: @${SUBJECT} · Zoom user: alex@example.com (matched by email)`);
    expect(text).toContain(`@${SUBJECT}'s number`);
  });

  it('says the window as Slack date tokens, the filter and the phone when given', () => {
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
    expect(text).toContain(
      'Nov 1 – Nov 15 · Your number · by time sent · with +1 810 800 1001 · 1–10, newest first',
    );
    expect(JSON.stringify(message.blocks)).toContain(
      `<!date^${Date.parse('2026-11-01T04:00:00Z') / 1000}^{date_short_pretty}|Nov 1>`,
    );
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
    expect(visibleText(message)).toContain('11–14, newest first');
    const buttons = pagerButtons(message);
    expect(buttons.map((b) => b.text)).toEqual(['Previous', 'Next']);
    expect(buttons.map((b) => b.style)).toEqual([undefined, undefined]);
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

  it('keeps a page whose Next failed: a warning above the pager, and Next offered again as Try again', async () => {
    const cursor = cursorAt({ token: 'token-2', trail: [''], page: 2 });
    const error = new AppError('ZOOM_RATE_LIMITED', 'busy', { detail: { retryAfterMs: 30_000 } });
    const message = renderSessionsPage(
      model({ cursor, page: { sessions: tenSessions.slice(0, 4), nextPageToken: 'token-3' } }),
      ctx,
      { aside: { kind: 'next-failed', error } },
    );
    expectValidMessage(message);
    await snapshot('page-next-failed', message);

    const pagerAt = message.blocks.findIndex((block) => block.block_id === BLOCK_IDS.pager);
    expect(visibleText({ blocks: [message.blocks[pagerAt - 1]] })).toBe(
      ":warning: Couldn't load the next page: Zoom is busy. Your Zoom account has made too many requests for now. Try again in about 30 seconds.",
    );
    const buttons = pagerButtons(message);
    expect(buttons.map((b) => [b.text, b.actionId])).toEqual([
      ['Previous', ACTION_IDS.pagePrevious],
      ['Try again', ACTION_IDS.pageNext],
    ]);
    expect(decodeCursor(buttons[1]?.value ?? '')).toEqual(nextCursor(cursor, 'token-3'));
    expect(findButtons(message).map((b) => b.text)).toContain('Export CSV');
  });

  it('offers one recovery button when the Next of page 1 failed', async () => {
    const message = renderSessionsPage(model(), ctx, {
      aside: { kind: 'next-failed', error: new AppError('ZOOM_UNAVAILABLE', 'down') },
    });
    expectValidMessage(message);
    await snapshot('page-next-failed-first', message);
    expect(pagerButtons(message).map((b) => b.text)).toEqual(['Try again']);
    expect(visibleText(message)).toContain("Couldn't load the next page: Zoom isn't answering.");
    expect(findButtons(message).filter((b) => /try again|start over/i.test(b.text))).toHaveLength(
      1,
    );
  });

  it('shows an export under way in place of the Export row, and its result under the row', async () => {
    const running = renderSessionsPage(model(), ctx, {
      aside: { kind: 'export', status: { kind: 'running', sessions: 200 } },
    });
    expectValidMessage(running);
    await snapshot('page-exporting', running);
    expect(visibleText(running)).toContain('Exporting… 200 so far');
    expect(findButtons(running).map((b) => b.text)).not.toContain('Export CSV');
    expect(pagerButtons(running).map((b) => b.text)).toEqual(['Next']);

    const link = 'https://example.slack.com/files/U0123ABCD/F123/sms.csv';
    const ended = renderSessionsPage(model(), ctx, {
      aside: {
        kind: 'export',
        status: {
          kind: 'ended',
          fileLink: link,
          result: {
            subject: model().subject,
            query: { ...baseQuery, pageSize: 100 },
            sessions: tenSessions,
            pages: 1,
            cap: 2000,
            stop: { kind: 'complete' },
          },
        },
      },
    });
    expectValidMessage(ended);
    await snapshot('page-exported', ended);
    const last = ended.blocks.at(-1);
    expect(visibleText({ blocks: [last] })).toBe(
      ':white_check_mark: CSV sent to your direct messages: all 10 conversations · Open file',
    );
    expect(JSON.stringify(last)).toContain(`<${link}|Open file>`);
    expect(ended.blocks.at(-2)?.block_id).toBe(SESSION_BLOCK_IDS.listActions);
  });

  it('says an empty search in one sentence, with buttons that each widen it', async () => {
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

    const text = visibleText(message);
    expect(text).toContain('No SMS conversations match this search.');
    expect(text).not.toContain('Try a wider');
    const buttons = findButtons(message);
    expect(buttons.map((b) => [b.text, b.actionId])).toEqual([
      ['Past 90 days', ACTION_IDS.pageWidenDays],
      ['All types', ACTION_IDS.pageWidenTypes],
      ['Clear phone number', ACTION_IDS.pageClearPhone],
    ]);
    const wider = decodeCursor(buttons[0]?.value ?? '');
    expect(Date.parse(wider.range?.from ?? wider.query.from)).toBe(
      ctx.now.getTime() - 90 * 86_400_000,
    );
    expect(decodeCursor(buttons[1]?.value ?? '').query).toMatchObject({
      sessionType: 'all',
      phoneNumber: '18108001001',
    });
    expect(decodeCursor(buttons[2]?.value ?? '').query.phoneNumber).toBeUndefined();
    expect(message.text).toContain('No SMS conversations for');
  });

  it('does not offer All types when the search already covers every type', () => {
    const message = renderSessionsPage(
      model({
        cursor: cursorAt({ query: { ...baseQuery, sessionType: 'all' } }),
        page: { sessions: [], nextPageToken: '' },
      }),
      ctx,
    );
    expect(findButtons(message).map((b) => b.text)).toEqual(['Past 90 days']);
    expect(visibleText(message)).toContain('All types');
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
      'open-ended',
      { kind: 'open-ended', days: 30, clippedToNow: true },
      'from: given without to:, so 30 days from it (up to now).',
    ],
    [
      'open-ended-whole',
      { kind: 'open-ended', days: 30, clippedToNow: false },
      'from: given without to:, so 30 days from it.',
    ],
    [
      'open-start',
      { kind: 'open-start', days: 30 },
      'to: given without from:, so the 30 days up to it.',
    ],
    [
      'page-capped',
      { kind: 'page-capped', asked: 100, shown: 25 },
      'A message lists 25 at a time (you asked for 100): Next shows more, Export CSV has them all.',
    ],
  ])('explains how the search was read (%s)', async (name, note, sentence) => {
    const message = renderSessionsPage(
      model({ page: { sessions: tenSessions.slice(0, 3), nextPageToken: '' }, notes: [note] }),
      ctx,
    );
    expectValidMessage(message);
    await snapshot(`page-note-${name}`, message);
    expect(visibleText(message)).toContain(sentence);
  });

  it('fits 100 sessions of 10 participants with 300-character names, each first contact recognisable', async () => {
    const worst = worstModel(100, 'all');
    const message = renderSessionsPage(worst, ctx);
    expectValidMessage(message);
    await snapshot('page-100-sessions', message);

    expect(message.text).toBe(`100 SMS conversations for <@${SUBJECT}>, page 7`);
    const lines = visibleText(message)
      .split('\n')
      .filter((line) => line.startsWith('• '));
    expect(lines).toHaveLength(100);
    for (const [i, line] of lines.entries()) {
      // The first contact's first 30 visible characters, its index among them: no two alike.
      expect(line.slice(2, 32)).toBe(`0${longName(i)}`.slice(0, 30));
      expect(line).toMatch(/ \+9 others · /);
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

  it('gives each of 25 worst-case sessions its own block with a readable name and number', async () => {
    const worst = worstModel(25, 'all');
    const message = renderSessionsPage(worst, ctx);
    expectValidMessage(message);
    await snapshot('page-25-worst', message);
    const rows = rowTexts(message);
    expect(rows).toHaveLength(25);
    for (const [i, row] of rows.entries()) {
      const visible = visibleText({
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: row } }],
      });
      expect(visible.startsWith(`0${longName(i)}`.slice(0, 60))).toBe(true);
      expect(row).toContain('+1\u00a0415\u00a0555\u00a01000');
      expect(row).toContain('+9 others');
    }
    expect(findButtons(message).filter((b) => b.text === 'Open')).toHaveLength(25);
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
    const worstError = new AppError('ZOOM_UNAVAILABLE', 'down', {
      detail: { zoomCode: 99_999 },
    });
    const asides: (PageAside | undefined)[] = [
      undefined,
      { kind: 'next-failed', error: worstError },
      { kind: 'export', status: { kind: 'running', sessions: 1_999 } },
      { kind: 'export', status: { kind: 'failed', error: worstError } },
    ];
    const admins = { isAdmin: true, admins: ['U1', 'U2', 'U3', 'U4'], workspaceAdmins: true };
    for (const type of ['all', 'user'] as const) {
      for (const aside of asides) {
        const worst = worstModel(pageSize, type);
        const message = renderSessionsPage(
          worst,
          { ...ctx, viewer: admins },
          {
            share: { maskNumbers: false },
            notice: 'That page link had expired, so this is page 1 again.',
            ...(aside === undefined ? {} : { aside }),
          },
        );
        expectValidMessage(message);
        expect(blockTextLength(message)).toBeLessThanOrEqual(MESSAGE_MAX_TEXT_CHARS);
        const shown = visibleText(message).match(/\b0<b>Ü/g) ?? [];
        expect(shown).toHaveLength(pageSize);
      }
    }
  });

  it('lays a page out by the sessions on it, not the page size asked for', () => {
    const message = renderSessionsPage(
      model({
        cursor: cursorAt({ query: { ...baseQuery, pageSize: 100 } }),
        page: { sessions: tenSessions.slice(0, 9), nextPageToken: '' },
      }),
      ctx,
    );
    expect(rowTexts(message)).toHaveLength(9);
    expect(findButtons(message).filter((b) => b.text === 'Open')).toHaveLength(9);
    expect(visibleText(message)).toContain('+1\u00a0810\u00a0800\u00a01001');
  });

  it('is a pure function of model and context', () => {
    expect(renderSessionsPage(model(), ctx)).toEqual(renderSessionsPage(model(), ctx));
  });
});

describe('renderSessionsPage subjects', () => {
  const few = { sessions: tenSessions.slice(0, 2), nextPageToken: 'token-2' };

  it("leaves out the Zoom user when it is the viewer's own email match", () => {
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
    expect(visibleText(message)).not.toContain('Zoom user');
    expect(visibleText(message)).not.toContain('matched by email');
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
      `Person: @${SUBJECT} · Zoom user: alex.zoom@example.org (linked by an admin)`,
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
    expect(text).toContain('Zoom user: carol@example.com (named directly)');
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
    expect(message.text).toContain('No SMS conversations for Zoom user `carol@example.com`');
  });
});
