import { describe, expect, it } from 'vitest';
import {
  AppError,
  type ErrorCode,
  type ErrorDetail,
  type InvalidArgsReason,
  invalidArgs,
} from '../../src/errors.js';
import type { PageCursor } from '../../src/query/cursor.js';
import { decodeCursor } from '../../src/query/cursor-wire.js';
import { renderError } from '../../src/render/error-message.js';
import type { RenderContext } from '../../src/render/types.js';
import { ACTION_IDS, BLOCK_IDS } from '../../src/surface/ids.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';

const base: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/New_York' };
/** A member of a workspace whose app has two configured admins, and one of those admins. */
const viewer = { isAdmin: false, admins: ['U0ALICE01', 'U0KAI0001'], workspaceAdmins: false };
const ctx: RenderContext = { ...base, viewer };
const adminCtx: RenderContext = { ...base, viewer: { ...viewer, isAdmin: true } };

const cursor = (page: number, token: string, trail: string[]): PageCursor => ({
  subject: { kind: 'slack-user', slackUserId: 'U0123ABCD' },
  query: {
    sessionType: 'user',
    filterType: 'last_message_time',
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    pageSize: 10,
  },
  token,
  trail,
  page,
});

const startOver = cursor(1, '', []);
const retry = cursor(3, 'token-3', ['', 'token-2']);

const snapshot = (name: string, message: unknown) =>
  expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

const error = (code: ErrorCode, detail: ErrorDetail = {}) =>
  new AppError(code, `internal message for ${code} with a stack`, {
    cause: new Error('{"code":7012,"message":"raw zoom body"}'),
    detail,
  });

const CODES: [ErrorCode, ErrorDetail, string][] = [
  [
    'INVALID_ARGS',
    { reason: 'bad-type', option: 'type', value: 'queue<s>', suggestion: 'call_queue' },
    '/sms-sessions help',
  ],
  [
    'FORBIDDEN',
    {},
    "Only admins of this app can look up someone else's SMS conversations. Ask @U0ALICE01 or @U0KAI0001 if you need to",
  ],
  ['NOT_LINKED', { value: 'U0999ZZZ' }, "it can't see one for @U0999ZZZ"],
  [
    'ZOOM_USER_NOT_FOUND',
    { zoomUser: 'alex@example.com', status: 404, zoomCode: 1001 },
    'Zoom has no user with the email alex@example.com. Ask your Zoom admin to check',
  ],
  ['ZOOM_INVALID_USER', { zoomUser: 'alex@example.com', zoomCode: 300 }, 'not a valid user'],
  [
    'ZOOM_PHONE_NOT_ENABLED',
    { zoomUser: 'alex@example.com', zoomCode: 2031 },
    'has no Zoom Phone licence',
  ],
  [
    'ZOOM_SMS_ERROR',
    { zoomUser: 'alex@example.com', zoomCode: 7012 },
    'Try again in a few minutes',
  ],
  [
    'ZOOM_MISSING_SCOPES',
    { zoomCode: 4711, scopes: ['phone:read:admin', 'phone_sms:read:admin'] },
    'lacks permissions it needs, so nobody can list SMS conversations yet. Tell @U0ALICE01 or @U0KAI0001.',
  ],
  ['ZOOM_AUTH', { status: 401, zoomCode: 124 }, 'Tell @U0ALICE01 or @U0KAI0001.'],
  ['ZOOM_RATE_LIMITED', { status: 429, retryAfterMs: 30_000 }, 'Try again in about 30 seconds.'],
  [
    'SLOW_DOWN',
    { rateLimit: 'per-second', retryAfterMs: 25_000, limit: 10 },
    'each person may start 10 Zoom requests at once. You can go on in about 25 seconds (Nov 26, 2026 at',
  ],
  ['ZOOM_UNAVAILABLE', { status: 503 }, 'Try again in a few minutes.'],
  ['ZOOM_BAD_RESPONSE', {}, 'Zoom returned something unexpected'],
  ['PAGE_EXPIRED', { status: 400, zoomCode: 400 }, 'Start over from the first page.'],
  ['BAD_BUTTON', {}, 'from an old or altered message'],
  [
    'INTERNAL',
    {},
    'Something went wrong on our side\nTry again. If it keeps happening, tell @U0ALICE01 or @U0KAI0001.',
  ],
  [
    'ADMIN_ONLY',
    { value: 'link' },
    '/sms-sessions link is for admins of this app. Ask @U0ALICE01 or @U0KAI0001 if you need it done.',
  ],
  ['SLACK_USER_NOT_FOUND', { value: 'U0NOBODY1' }, "Slack doesn't know the person U0NOBODY1."],
];

const REASONS: [InvalidArgsReason, Omit<ErrorDetail, 'reason'>, string][] = [
  [
    'unknown-option',
    { option: 'form', value: '2026-11-01', suggestion: 'from' },
    'form: is not an option. Did you mean from:? The options are from:, to:, since:, type:, filter:, phone:, size:.',
  ],
  ['unexpected-word', { value: 'yesterday' }, "I didn't understand yesterday."],
  ['duplicate-option', { option: 'from', value: '2026-11-02' }, 'from: is given more than once.'],
  ['missing-value', { option: 'from', value: '' }, 'from: needs a value, e.g. from:2026-11-12.'],
  [
    'unclosed-quote',
    { option: 'phone', value: '"+1 810' },
    'A quote is opened but never closed ("+1 810).',
  ],
  [
    'bad-date',
    { option: 'to', value: '2026-13-45' },
    '2026-13-45 is not a date to: understands. Write a day as YYYY-MM-DD (in your Slack time zone), e.g. to:2026-11-26,',
  ],
  [
    'bad-type',
    { option: 'type', value: 'queu', suggestion: 'queue' },
    'queu is not a conversation type. Did you mean type:queue? Use one of user, call_queue, auto_receptionist, all.',
  ],
  [
    'bad-filter',
    { option: 'filter', value: 'snt', suggestion: 'sent' },
    'snt is not a filter. Did you mean filter:sent? Use one of last, sent, received, sent_received',
  ],
  ['bad-phone', { option: 'phone', value: '12' }, "12 doesn't look like a phone number."],
  [
    'bad-size',
    { option: 'size', value: '500', limit: 100 },
    '500 is not a page size. Use a whole number from 1 to 100',
  ],
  ['bad-target', { value: '@someone' }, '@someone is not someone I can look up.'],
  [
    'from-after-to',
    { value: '2026-11-20…2026-11-01' },
    'The window starts after it ends (2026-11-20…2026-11-01). Swap from: and to:, e.g. from:2026-11-12 to:2026-11-26.',
  ],
  [
    'range-over-cap',
    { limit: 12, value: '2025-01-01…2026-11-01' },
    'That range is longer than 12 months, the most this app lists at once. Narrow from: and to: (or since:), e.g. since:3m or from:2026-11-12 to:2026-11-26.',
  ],
  [
    'since-with-dates',
    { option: 'since', value: '3m' },
    "since: can't be used together with from: or to:, since since: already sets both ends.",
  ],
  [
    'bad-since',
    { option: 'since', value: '3y' },
    '3y is not a span since: understands. Write a number and d (days), w (weeks) or m (months)',
  ],
  [
    'from-in-future',
    { option: 'from', value: '2027-01-01' },
    'from: 2027-01-01 is in the future. Pick a date up to today, e.g. from:2026-11-12.',
  ],
  ['missing-person', { option: 'who' }, '/sms-sessions who needs one person: @mention them'],
  ['missing-zoom-user', { option: 'link' }, '/sms-sessions link needs the person and then'],
  [
    'bad-zoom-user',
    { option: 'zoom', value: 'carol' },
    'carol is not a Zoom user I can look up. Write the Zoom email',
  ],
  [
    'bad-count',
    { value: '50', limit: 20 },
    '50 is not a number of entries. Use a whole number from 1 to 20.',
  ],
];

describe('renderError', () => {
  it('tells a person who spent their daily share that others are not affected, and when they can go on', () => {
    const message = renderError(
      error('SLOW_DOWN', { rateLimit: 'daily', retryAfterMs: 5 * 3_600_000, limit: 750 }),
      ctx,
      { startOver, retry },
    );
    expectValidMessage(message);
    const text = visibleText(message);
    expect(text).toContain("You've used your share of today's Zoom requests");
    expect(text).toContain('each person may make 750 Zoom requests a day');
    expect(text).toContain('everyone else can still use the app');
    expect(text).toMatch(/You can go on in about 5 hours \(/);
    expect(JSON.stringify(message)).not.toContain('Try again');
  });

  it.each(CODES)('explains %s in one friendly message', async (code, detail, sentence) => {
    const message = renderError(error(code, detail), ctx, { startOver, retry });
    expectValidMessage(message);
    await snapshot(`error-${code.toLowerCase().replaceAll('_', '-')}`, message);

    const text = visibleText(message);
    expect(text).toContain(sentence);
    expect(message.text.length).toBeGreaterThan(0);
    const raw = JSON.stringify(message);
    expect(raw).not.toContain('internal message');
    expect(raw).not.toContain('raw zoom body');
    expect(raw).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it.each(REASONS)(
    'names the problem with the command for %s',
    async (reason, detail, sentence) => {
      const message = renderError(invalidArgs(reason, detail), ctx);
      expectValidMessage(message);
      await snapshot(`error-invalid-args-${reason}`, message);

      expect(visibleText(message)).toContain(sentence);
      expect(visibleText(message)).toContain('See /sms-sessions help for the full syntax.');
    },
  );

  it('explains invalid arguments without a reason', () => {
    const message = renderError(new AppError('INVALID_ARGS', 'bad'), ctx);
    expectValidMessage(message);
    expect(visibleText(message)).toContain("I couldn't understand that command.");
  });

  it('escapes and shortens values echoed from the command', () => {
    const value = `<!channel> & <@U999> ${'`x`'.repeat(200)}`;
    const message = renderError(invalidArgs('bad-phone', { option: 'phone', value }), ctx);
    expectValidMessage(message);
    const raw = JSON.stringify(message.blocks);
    expect(raw).not.toContain('<!channel>');
    expect(raw).not.toContain('<@U999>');
    expect(raw).toContain('`&lt;!channel&gt; &amp; &lt;@U999&gt; ˋxˋ');
    expect(visibleText(message)).toContain('<!channel> & <@U999> ˋxˋ');
    expect(visibleText(message)).toContain('…');
  });

  it('offers Start over with the first-page cursor after an expired page', () => {
    const message = renderError(error('PAGE_EXPIRED'), ctx, { startOver, retry });
    const buttons = findButtons(message);
    expect(buttons.map((b) => [b.text, b.actionId, b.blockId])).toEqual([
      ['Start over', ACTION_IDS.pageStartOver, BLOCK_IDS.errorActions],
    ]);
    expect(decodeCursor(buttons[0]?.value ?? '')).toEqual(startOver);
  });

  it('tells the person to run the command again when an expired page has no cursor', () => {
    const message = renderError(error('PAGE_EXPIRED'), ctx);
    expectValidMessage(message);
    expect(findButtons(message)).toEqual([]);
    expect(visibleText(message)).toContain('Run /sms-sessions again');
  });

  it.each<ErrorCode>([
    'ZOOM_RATE_LIMITED',
    'ZOOM_UNAVAILABLE',
    'ZOOM_SMS_ERROR',
    'ZOOM_BAD_RESPONSE',
    'INTERNAL',
  ])('offers Start over and Try again after %s, which may pass', (code) => {
    const buttons = findButtons(renderError(error(code), ctx, { startOver, retry }));
    expect(buttons.map((b) => b.actionId)).toEqual([
      ACTION_IDS.pageStartOver,
      ACTION_IDS.pageRetry,
    ]);
    expect(decodeCursor(buttons[1]?.value ?? '')).toEqual(retry);
  });

  it.each<ErrorCode>([
    'INVALID_ARGS',
    'FORBIDDEN',
    'NOT_LINKED',
    'ZOOM_USER_NOT_FOUND',
    'ZOOM_INVALID_USER',
    'ZOOM_PHONE_NOT_ENABLED',
    'ZOOM_MISSING_SCOPES',
    'ZOOM_AUTH',
    'BAD_BUTTON',
  ])('offers no button after %s, which pressing again cannot fix', (code) => {
    expect(findButtons(renderError(error(code), ctx, { startOver, retry }))).toEqual([]);
  });

  it.each<[number, string]>([
    [400, 'in about 1 second'],
    [59_500, 'in about 60 seconds'],
    [600_000, 'in about 10 minutes'],
    [3 * 3_600_000, 'in about 3 hours (Nov 26, 2026 at 10:00 AM)'],
  ])('says when to try again after a rate limit of %i ms', (retryAfterMs, words) => {
    const message = renderError(error('ZOOM_RATE_LIMITED', { retryAfterMs }), ctx);
    expect(visibleText(message)).toContain(words);
  });

  it('says "in a minute" when Zoom did not say how long to wait', () => {
    expect(visibleText(renderError(error('ZOOM_RATE_LIMITED'), ctx))).toContain(
      'Try again in a minute.',
    );
  });

  it('names the missing scopes to an admin, or the README when Zoom named none', () => {
    const named = error('ZOOM_MISSING_SCOPES', {
      zoomCode: 4711,
      scopes: ['phone:read:admin', 'phone_sms:read:admin'],
    });
    expect(visibleText(renderError(named, adminCtx))).toContain(
      "Add phone:read:admin, phone_sms:read:admin to the app's Server-to-Server OAuth app",
    );
    const text = visibleText(renderError(error('ZOOM_MISSING_SCOPES'), adminCtx));
    expect(text).toContain('the scopes listed in the README');
  });

  it('gives Zoom’s error code to an admin in a context line, and nothing when there is none', async () => {
    const message = renderError(error('ZOOM_PHONE_NOT_ENABLED', { zoomCode: 2031 }), adminCtx);
    expectValidMessage(message);
    await snapshot('error-zoom-phone-not-enabled-admin', message);
    expect(message.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Zoom error 2031', verbatim: true }],
    });
    expect(visibleText(renderError(error('ZOOM_SMS_ERROR'), adminCtx))).not.toContain('Zoom error');
  });

  it.each(CODES)('shows a member no setting, scope or Zoom code for %s', (code, detail) => {
    const message = renderError(error(code, detail), ctx, { startOver, retry });
    const raw = JSON.stringify(message);
    expect(raw).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    expect(raw).not.toMatch(/Zoom error|phone:read|phone_sms/);
    expect(message.blocks.filter((b) => b.type === 'context')).toEqual([]);
  });

  it('points to "an admin of this app" when it does not know the admins', () => {
    expect(visibleText(renderError(error('FORBIDDEN'), base))).toContain(
      'Ask an admin of this app if you need to',
    );
  });

  it('names workspace admins when only they are admins of the app', () => {
    const viewer = { isAdmin: false, admins: [], workspaceAdmins: true };
    expect(visibleText(renderError(error('ADMIN_ONLY'), { ...base, viewer }))).toContain(
      'Ask a Slack workspace admin or owner if you need it done.',
    );
  });
});
