import type { KnownBlock } from '@slack/types';
import type { ExportResult } from '../core/export.js';
import type { AppError } from '../errors.js';
import { dayjs, safeTimeZone } from '../query/time-zone.js';
import { explain } from './error-explanation.js';
import { truncate } from './escape.js';
import { subjectName } from './identity-subject.js';
import { describeQuery } from './query-description.js';
import type { RenderContext, RenderedMessage } from './types.js';

const count = (n: number): string => new Intl.NumberFormat('en-US').format(n);

const conversations = (n: number): string => `${count(n)} conversation${n === 1 ? '' : 's'}`;

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/**
 * The small ephemeral an export posts when it starts and its listing could not be shown again to
 * carry its progress: what is happening and where the file will be.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const renderExportProgress = (): RenderedMessage => {
  const text =
    ':hourglass_flowing_sand: Exporting these SMS conversations to a CSV file. It will be in your direct messages with SMS Conversations.';
  return { text, blocks: [section(text)] };
};

const shortfall = (result: ExportResult, ctx: RenderContext): string | undefined => {
  const { stop } = result;
  if (stop.kind === 'cap') {
    return `This export reached its cap of ${conversations(result.cap)}, so later conversations are not in the file: narrow the dates or filters to export them.`;
  }
  if (stop.kind === 'failed') {
    const { title } = explain(stop.error, ctx);
    return `The export stopped early (${title}): the file has the first ${count(result.pages)} page${result.pages === 1 ? '' : 's'} (${conversations(result.sessions.length)}); the rest of the conversations were not exported. Export again to try for all of them.`;
  }
  return undefined;
};

/**
 * The message posted with the CSV file in the person's direct message: whose conversations, the
 * search, how many and, when the export stopped short (at the cap, {@link ExportResult.cap}, or
 * on a failure), what is in the file and what is not. Plain mrkdwn (a file comment has no blocks).
 * https://docs.slack.dev/reference/methods/files.completeUploadExternal
 */
export const renderExportComment = (result: ExportResult, ctx: RenderContext): string => {
  const described = describeQuery(result.query, ctx.timeZone);
  const search = [
    `${described.from} – ${described.to}`,
    described.type,
    described.filter,
    ...(described.phone === undefined ? [] : [described.phone]),
  ].join(' · ');
  const lines = [
    `SMS conversations of ${subjectName(result.subject)} (${search}): ${conversations(result.sessions.length)}.`,
    shortfall(result, ctx),
  ];
  return lines.filter((line) => line !== undefined).join('\n');
};

/** How an export ended, for its last word: the result read, and the file sent or refused. */
export interface ExportOutcome {
  readonly result: ExportResult;
  /** The file's permalink, or the app's direct messages; absent when Slack gave neither. */
  readonly fileLink?: string | undefined;
  /** Slack refused the upload: nothing was sent. */
  readonly uploadError?: AppError | undefined;
}

/**
 * Where an export shown in its own listing stands: `running` with the conversations read so far
 * (`0`: just started), `ended` with its {@link ExportOutcome}, or `failed` before any file (Zoom
 * refused even the first page).
 */
export type ExportStatus =
  | { readonly kind: 'running'; readonly sessions: number }
  | ({ readonly kind: 'ended' } & ExportOutcome)
  | { readonly kind: 'failed'; readonly error: AppError };

const outcomeText = (outcome: ExportOutcome, ctx: RenderContext, linked: boolean): string => {
  const { result, fileLink, uploadError } = outcome;
  if (uploadError !== undefined) {
    const { title, body } = explain(uploadError, ctx);
    return `:warning: *${title}*\n${body} (${conversations(result.sessions.length)} read from Zoom; no file was sent.)`;
  }
  if (result.sessions.length === 0 && result.stop.kind === 'complete') {
    return ':information_source: No conversations match this search any more, so there was nothing to export.';
  }
  const missing = shortfall(result, ctx);
  const open = fileLink === undefined || !linked ? '' : ` · <${fileLink}|Open file>`;
  const headline =
    missing === undefined
      ? `:white_check_mark: CSV sent to your direct messages: all ${conversations(result.sessions.length)}${open}`
      : `:warning: CSV sent to your direct messages: ${conversations(result.sessions.length)}${open}`;
  return missing === undefined ? headline : `${headline}\n${missing}`;
};

/**
 * One line saying where an export stands, for its listing ({@link ExportStatus}): ":hourglass:
 * Exporting… 200 so far", then ":white_check_mark: CSV sent to your direct messages: all 250
 * conversations · Open file" (a link to the file) with what was left out and why, or what went
 * wrong. Safe mrkdwn of at most `maxChars`: a file link too long for it is left out (the file is
 * in the person's direct messages all the same).
 */
export const exportStatusLine = (
  status: ExportStatus,
  ctx: RenderContext,
  maxChars: number,
): string => {
  switch (status.kind) {
    case 'running':
      return status.sessions === 0
        ? ':hourglass_flowing_sand: Exporting these SMS conversations to a CSV file…'
        : `:hourglass_flowing_sand: Exporting… ${count(status.sessions)} so far`;
    case 'failed': {
      const { title, body } = explain(status.error, ctx);
      return truncate(`:warning: Couldn't export: ${title}. ${body}`, maxChars);
    }
    case 'ended': {
      const linked = outcomeText(status, ctx, true);
      return truncate(
        linked.length <= maxChars ? linked : outcomeText(status, ctx, false),
        maxChars,
      );
    }
  }
};

/**
 * The last word of an export as its own small ephemeral, when the listing could not be shown
 * again to carry it: the CSV is sent, with a link to it, what was left out and why; or, when
 * Slack refused the upload, that nothing was sent.
 */
export const renderExportOutcome = (
  result: ExportResult,
  ctx: RenderContext,
  fileLink?: string,
  uploadError?: AppError,
): RenderedMessage => {
  const text = outcomeText({ result, fileLink, uploadError }, ctx, true);
  return { text, blocks: [section(text)] };
};

const viewerDay = (iso: string, timeZone: string): string =>
  dayjs.utc(Date.parse(iso)).tz(safeTimeZone(timeZone)).format('YYYY-MM-DD');

/**
 * The CSV file's name: the search's window in the viewer's days (their Slack time zone), e.g.
 * `sms-conversations-2026-10-27-to-2026-11-26.csv` (no person's name or email in it).
 */
export const exportFileName = (
  result: ExportResult,
  ctx: Pick<RenderContext, 'timeZone'>,
): string =>
  `sms-conversations-${viewerDay(result.query.from, ctx.timeZone)}-to-${viewerDay(result.query.to, ctx.timeZone)}.csv`;
