import type { AuditEntryView } from './audit-entries.js';
import { errorTitle } from './error-explanation.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { codeSpan, slackMention } from './format.js';
import { LABEL_MAX_CHARS } from './limits.js';
import { slackDate } from './slack-date.js';
import type { RenderContext } from './types.js';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  user: 'direct',
  call_queue: 'call queues',
  auto_receptionist: 'auto receptionists',
  all: 'every type',
};

const FILTER_WORDS: Readonly<Record<string, string>> = {
  sent_message_time: 'by time sent',
  received_message_time: 'by time received',
  sent_received_message_time: 'by time sent or received',
};

/** Refusals in the third person, for whoever reads the trail. */
const REFUSAL_WORDS: Readonly<Record<string, string>> = {
  FORBIDDEN: 'not an admin',
  ADMIN_ONLY: 'not an admin',
  SHARE_DISABLED: 'sharing is turned off',
  REPLY_FORBIDDEN: 'not allowed to reply',
  SLOW_DOWN: 'too many requests from one person',
};

const word = (words: Readonly<Record<string, string>>, key: string | number | undefined) =>
  typeof key === 'string' && Object.hasOwn(words, key) ? words[key] : undefined;

const plain = (value: string | number): string =>
  truncate(escapeMrkdwn(String(value)), LABEL_MAX_CHARS);

const CHANNEL_ID = /^[CDG][A-Z0-9]{2,}$/;

const channelText = (channel: string | number | undefined): string =>
  typeof channel === 'string' && CHANNEL_ID.test(channel) ? `<#${channel}>` : 'a channel';

/** "@Bob's", "their own", "Zoom user `carol@…`'s": whose conversations an entry is about. */
const whose = (entry: AuditEntryView): string => {
  if (entry.subjectSlackUserId === entry.actorSlackUserId && entry.subjectSlackUserId !== undefined)
    return 'their own';
  if (entry.subjectSlackUserId !== undefined) return `${slackMention(entry.subjectSlackUserId)}'s`;
  if (entry.subjectZoomUser !== undefined) return `Zoom user ${codeSpan(entry.subjectZoomUser)}'s`;
  return 'the';
};

const whom = (entry: AuditEntryView): string =>
  entry.subjectSlackUserId !== undefined
    ? slackMention(entry.subjectSlackUserId)
    : entry.subjectZoomUser !== undefined
      ? `Zoom user ${codeSpan(entry.subjectZoomUser)}`
      : 'someone';

/** "Nov 6 – Dec 6, direct, one number, by time sent": the search, in words. */
const searchText = (entry: AuditEntryView, ctx: RenderContext): string => {
  const { from, to, type, filter, phone } = entry.filters;
  const day = (iso: string | number | undefined) =>
    typeof iso === 'string' ? slackDate(iso, 'day', ctx.timeZone) : undefined;
  const start = day(from);
  const end = day(to);
  const parts = [
    start !== undefined && end !== undefined ? `${start} – ${end}` : undefined,
    word(TYPE_WORDS, type),
    phone === undefined ? undefined : 'one number',
    word(FILTER_WORDS, filter),
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
};

const pageOf = (entry: AuditEntryView): number | undefined => {
  const page = entry.filters.page;
  return typeof page === 'number' && page > 1 ? page : undefined;
};

/**
 * What an entry records, as one sentence in words, starting with who did it: "@Alice listed
 * @Bob's conversations (Nov 6 – Dec 6, direct)", "@Alice shared a page of their own
 * conversations to #general", "@Alice linked @Bob to Zoom user `bob@…`". An action the app has
 * no words for is named as stored, escaped. Safe mrkdwn.
 */
export const auditSentence = (entry: AuditEntryView, ctx: RenderContext): string => {
  const actor = slackMention(entry.actorSlackUserId);
  const conversations = `${whose(entry)} conversations`;
  const page = pageOf(entry);
  switch (entry.action) {
    case 'list':
      return `${actor} listed ${conversations}${searchText(entry, ctx)}`;
    case 'page':
      return `${actor} opened page ${page ?? 'another page'} of ${conversations}${searchText(entry, ctx)}`;
    case 'home':
      return `${actor} looked at ${conversations} on Home${page === undefined ? '' : `, page ${page}`}${searchText(entry, ctx)}`;
    case 'open':
      return `${actor} read one of ${conversations}`;
    case 'conversation-page':
      return `${actor} read older messages in one of ${conversations}`;
    case 'share':
      return `${actor} shared a page of ${conversations} to ${channelText(entry.filters.channel)}`;
    case 'export':
      return `${actor} exported ${conversations}${searchText(entry, ctx)}`;
    case 'link':
      return entry.subjectZoomUser === undefined || entry.subjectSlackUserId === undefined
        ? `${actor} linked ${whom(entry)}`
        : `${actor} linked ${slackMention(entry.subjectSlackUserId)} to Zoom user ${codeSpan(entry.subjectZoomUser)}`;
    case 'unlink':
      return `${actor} unlinked ${whom(entry)}`;
    case 'who':
      return `${actor} checked how ${whom(entry)} is matched to Zoom`;
    case 'audit':
      return `${actor} read the audit trail${entry.subjectSlackUserId === undefined ? '' : ` about ${slackMention(entry.subjectSlackUserId)}`}`;
    case 'notify':
      return `${whom(entry)} was told of a text in ${channelText(entry.filters.channel)}`;
    case 'route':
      return `${actor} sent a line's texts to ${channelText(entry.filters.channel)}`;
    case 'unroute':
      return `${actor} stopped sending a line's texts to ${channelText(entry.filters.channel)}`;
    case 'reply-open':
      return `${actor} opened a reply in one of ${conversations}`;
    case 'reply':
      return `${actor} replied by text in one of ${conversations}`;
    default:
      return `${actor}: ${plain(entry.action)}${entry.subjectSlackUserId === undefined && entry.subjectZoomUser === undefined ? '' : ` about ${whom(entry)}`}`;
  }
};

const COUNTED: Readonly<Record<string, readonly [one: string, many: string]>> = {
  open: ['message', 'messages'],
  'conversation-page': ['message', 'messages'],
};

const countText = (entry: AuditEntryView): string => {
  const n = entry.resultCount;
  if (n === undefined) return '';
  const verb =
    entry.action === 'export' ? 'exported' : entry.action === 'share' ? 'shared' : 'shown';
  const [one, many] = COUNTED[entry.action] ?? ['', ''];
  const noun = one === '' ? '' : ` ${n === 1 ? one : many}`;
  return ` · ${n.toLocaleString('en-US')}${noun} ${verb}`;
};

/**
 * How an entry ended, after its sentence: " · 3 shown" (or exported, shared), " · ⛔ Refused:
 * not an admin", " · ⚠️ Failed: Zoom is busy" — the error's title, never its code.
 */
export const auditOutcomeText = (entry: AuditEntryView, ctx: RenderContext): string => {
  const reason = entry.reason;
  const times =
    entry.count === undefined || entry.count <= 1
      ? ''
      : ` (${entry.count.toLocaleString('en-US')} times within a minute)`;
  if (!entry.allowed) {
    const why =
      (reason === undefined ? undefined : word(REFUSAL_WORDS, reason)) ??
      (reason === undefined ? undefined : errorTitle(reason, ctx));
    return ` · :no_entry: *Refused*${why === undefined ? '' : `: ${why}`}${times}`;
  }
  if (reason !== undefined) {
    const title = errorTitle(reason, ctx);
    return `${countText(entry)} · :warning: *Failed*${title === undefined ? '' : `: ${title}`}${times}`;
  }
  return countText(entry);
};
