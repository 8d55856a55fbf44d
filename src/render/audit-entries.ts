import type { ActionsBlock, KnownBlock } from '@slack/types';
import { type AuditRequest, encodeAuditRequest } from '../core/audit-request.js';
import { AUDIT_ACTION_IDS, AUDIT_BLOCK_ID } from '../surface/ids.js';
import { auditOutcomeText, auditSentence } from './audit-sentence.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { codeSpan, slackMention } from './format.js';
import { MESSAGE_MAX_TEXT_CHARS } from './limits.js';
import { slackDate } from './slack-date.js';
import type { RenderContext, RenderedMessage } from './types.js';

/** Entries `/sms-sessions audit` shows when no number is given. */
export const AUDIT_DEFAULT_ENTRIES = 10;

/**
 * The most entries one answer shows: one section each (and, with details, one context line
 * each), inside Slack's 50 blocks.
 */
export const AUDIT_MAX_ENTRIES = 20;

/** Characters the header, the summary line and the button may take. */
const AUDIT_FRAME_MAX_CHARS = 200;

/**
 * The most characters one entry's text can have, details included, so that
 * {@link AUDIT_MAX_ENTRIES} of them fit Slack's 12,000 characters of a message. Every part of an
 * entry is cut to its own share, so an entry stays under this by construction.
 */
export const AUDIT_ENTRY_MAX_CHARS = Math.floor(
  (MESSAGE_MAX_TEXT_CHARS - AUDIT_FRAME_MAX_CHARS) / AUDIT_MAX_ENTRIES,
);

/** Characters of one entry's sentence (the details line has the rest of its share). */
const SENTENCE_MAX_CHARS = 300;

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
  /** `list`, `page`, `home`, `share`, `export`, `link`, …; anything else is shown as written. */
  readonly action: string;
  readonly filters: Readonly<Record<string, string | number>>;
  /** How many sessions (or messages) were shown, when the request reached Zoom. */
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
  /** How many entries were asked for, so Show details can ask again for the same. */
  readonly limit?: number;
  /** Show each entry's raw record (action, query, reason code) under its sentence. */
  readonly details?: boolean;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text }],
});

/** The raw record, for the details line: as stored, in one code span. */
const detailsText = (entry: AuditEntryView): string => {
  const pairs = Object.entries(entry.filters)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}:${value}`);
  const raw = [
    entry.action,
    ...pairs,
    ...(entry.subjectZoomUser === undefined ? [] : [`zoom_user:${entry.subjectZoomUser}`]),
    ...(entry.reason === undefined ? [] : [`reason:${entry.reason}`]),
  ].join(' ');
  const room = AUDIT_ENTRY_MAX_CHARS - SENTENCE_MAX_CHARS - 10;
  return `\`${truncate(escapeMrkdwn(raw.replaceAll('`', 'ˋ')), room)}\``;
};

const entryText = (entry: AuditEntryView, ctx: RenderContext): string => {
  const when = slackDate(entry.at, 'dateTimeSeconds', ctx.timeZone) ?? codeSpan(entry.at);
  const sentence = truncate(
    `${auditSentence(entry, ctx)}${auditOutcomeText(entry, ctx)}`,
    SENTENCE_MAX_CHARS,
  );
  return `${when} · ${sentence}`;
};

const detailsButton = (model: AuditEntriesModel): ActionsBlock => {
  const request: AuditRequest = {
    limit: model.limit ?? model.entries.length,
    details: model.details !== true,
    ...(model.subjectSlackUserId === undefined
      ? {}
      : { subjectSlackUserId: model.subjectSlackUserId }),
  };
  return {
    type: 'actions',
    block_id: AUDIT_BLOCK_ID,
    elements: [
      {
        type: 'button',
        text: {
          type: 'plain_text',
          text: model.details === true ? 'Hide details' : 'Show details',
        },
        action_id: AUDIT_ACTION_IDS.details,
        value: encodeAuditRequest(request),
      },
    ],
  };
};

/**
 * The answer to `/sms-sessions audit [@person] [n]` (admins): the newest entries first (the
 * store's order), each one sentence — when (a Slack date token to the second, in each viewer's
 * zone), who did what about whose conversations, in words ("listed @Bob's conversations · Nov 6
 * – Dec 6, direct · 3 shown", "shared a page … to #general", "exported 34"), and how it ended
 * (refused or failed, with the error's title, never its code). The raw record (query, codes) is
 * only shown behind **Show details**. Pure; at most 2 × {@link AUDIT_MAX_ENTRIES} + 3 blocks;
 * stored values are escaped.
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
  const summary = `The latest ${n === 1 ? 'entry' : `${n} entries`}${about}, newest first.`;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Audit trail', emoji: true } },
    context(summary),
  ];
  for (const entry of entries) {
    blocks.push(section(entryText(entry, ctx)));
    if (model.details === true) blocks.push(context(detailsText(entry)));
  }
  blocks.push(detailsButton({ ...model, entries }));
  return { text: `Audit trail: ${summary}`, blocks };
};
