import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, truncate } from './escape.js';
import { codeSpan, slackDate, slackMention } from './format.js';
import { LABEL_MAX_CHARS, MESSAGE_MAX_TEXT_CHARS } from './limits.js';
import type { RenderContext, RenderedMessage } from './types.js';

/** Entries `/sms-sessions audit` shows when no number is given. */
export const AUDIT_DEFAULT_ENTRIES = 10;

/** The most entries one answer shows: one section each, far inside Slack's 50 blocks. */
export const AUDIT_MAX_ENTRIES = 20;

/** Characters the header and the summary line may take, whatever the person filtered on. */
const AUDIT_FRAME_MAX_CHARS = 200;

/**
 * The most characters one entry's text can have, filters included, so that
 * {@link AUDIT_MAX_ENTRIES} of them fit Slack's 12,000 characters of a message. Every part of an
 * entry is cut to its own share, so an entry stays under this by construction.
 */
export const AUDIT_ENTRY_MAX_CHARS = Math.floor(
  (MESSAGE_MAX_TEXT_CHARS - AUDIT_FRAME_MAX_CHARS) / AUDIT_MAX_ENTRIES,
);

/** Characters of the filters line of one entry. */
const FILTERS_MAX_CHARS = 220;

const VERBS: Readonly<Record<string, string>> = {
  list: 'listed',
  page: 'paged through',
  home: 'opened on Home',
  link: 'linked',
  unlink: 'unlinked',
  who: 'asked `who` about',
  audit: 'read the audit trail',
};

/** Actions whose subject reads "… about <person>" rather than directly after the verb. */
const ABOUT_SUBJECT: ReadonlySet<string> = new Set(['audit']);

/**
 * One entry of the audit trail as the renderer reads it: who did what about whom, when, and how
 * it ended. Whatever keeps the trail (the store's rows fit as they are) maps into this.
 */
export interface AuditEntryView {
  /** ISO 8601 instant. */
  readonly at: string;
  readonly actorSlackUserId: string;
  readonly subjectSlackUserId?: string;
  readonly subjectZoomUser?: string;
  /** `list`, `page`, `home`, `link`, …; anything else is shown as a code. */
  readonly action: string;
  readonly filters: Readonly<Record<string, string | number>>;
  /** How many sessions were shown, when the request reached Zoom. */
  readonly resultCount?: number;
  readonly allowed: boolean;
  /** Why it was refused or failed (an error code). */
  readonly reason?: string;
  /** How many identical refusals within a minute the entry stands for; one when absent. */
  readonly count?: number;
}

/** The model of {@link renderAuditEntries}. */
export interface AuditEntriesModel {
  readonly entries: readonly AuditEntryView[];
  /** The person the entries were filtered on, if any. */
  readonly subjectSlackUserId?: string;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** A stored code (action, reason) as a short code span: our own codes are short; others are cut. */
const shortCode = (value: string): string =>
  `\`${truncate(escapeMrkdwn(value.replaceAll('`', 'ˋ')), LABEL_MAX_CHARS)}\``;

const subjectText = (entry: AuditEntryView): string => {
  const zoom = entry.subjectZoomUser === undefined ? undefined : codeSpan(entry.subjectZoomUser);
  const about = ABOUT_SUBJECT.has(entry.action) ? ' about' : '';
  if (entry.subjectSlackUserId === undefined) {
    return zoom === undefined ? '' : `${about} Zoom user ${zoom}`;
  }
  return `${about} ${slackMention(entry.subjectSlackUserId)}${zoom === undefined ? '' : ` (${zoom})`}`;
};

const outcomeText = (entry: AuditEntryView): string => {
  const reason = entry.reason === undefined ? '' : ` ${shortCode(entry.reason)}`;
  const times =
    entry.count === undefined || entry.count === 1 ? '' : ` ×${entry.count} within a minute`;
  if (!entry.allowed) return `:no_entry: *refused*${reason}${times}`;
  if (entry.reason !== undefined) return `:warning: *failed*${reason}${times}`;
  return entry.resultCount === undefined
    ? ':white_check_mark: done'
    : `:white_check_mark: ${entry.resultCount} shown`;
};

const filtersText = (entry: AuditEntryView): string | undefined => {
  const pairs = Object.entries(entry.filters)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}:${value}`);
  return pairs.length === 0
    ? undefined
    : `\`${truncate(escapeMrkdwn(pairs.join(' ').replaceAll('`', 'ˋ')), FILTERS_MAX_CHARS)}\``;
};

const entryText = (entry: AuditEntryView, ctx: RenderContext): string => {
  const when = slackDate(entry.at, 'dateTime', ctx.timeZone) ?? codeSpan(entry.at);
  const verb = Object.hasOwn(VERBS, entry.action)
    ? VERBS[entry.action]
    : `did ${shortCode(entry.action)} to`;
  const line = `${when} · ${slackMention(entry.actorSlackUserId)} ${verb}${subjectText(entry)} · ${outcomeText(entry)}`;
  const filters = filtersText(entry);
  return filters === undefined ? line : `${line}\n${filters}`;
};

/**
 * The answer to `/sms-sessions audit [@person] [n]` (admins): the newest entries first (the
 * store's order), each with when (a Slack date token, in each viewer's zone), who asked, what
 * (listed, paged through, linked, …), whose sessions (Slack person and Zoom user), the outcome
 * (how many shown, refused or failed, with the reason code) and the filters. Pure; at most
 * {@link AUDIT_MAX_ENTRIES} + 2 blocks; stored values are escaped.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const renderAuditEntries = (
  model: AuditEntriesModel,
  ctx: RenderContext,
): RenderedMessage => {
  const about =
    model.subjectSlackUserId === undefined
      ? ''
      : ` about ${slackMention(model.subjectSlackUserId)}`;
  const entries = model.entries.slice(0, AUDIT_MAX_ENTRIES);
  if (entries.length === 0) {
    const text = `No audit entries${about} yet.`;
    return { text, blocks: [section(text)] };
  }
  const n = entries.length;
  const title = `Audit trail${about}: the latest ${n === 1 ? 'entry' : `${n} entries`}, newest first`;
  return {
    text: title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Audit trail', emoji: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${title}.` }] },
      ...entries.map((entry) => section(entryText(entry, ctx))),
    ],
  };
};
