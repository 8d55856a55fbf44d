import type { KnownBlock } from '@slack/types';
import type { ExportProgress, ExportResult } from '../core/export.js';
import type { AppError } from '../errors.js';
import type { PageCursor } from '../query/cursor.js';
import { encodeCursor } from '../query/cursor-wire.js';
import { ACTION_IDS } from '../surface/ids.js';
import { explain } from './error-message.js';
import { describeQuery } from './format.js';
import { subjectName } from './identity-subject.js';
import type { RenderContext, RenderedMessage } from './types.js';

const count = (n: number): string => new Intl.NumberFormat('en-US').format(n);

const conversations = (n: number): string => `${count(n)} conversation${n === 1 ? '' : 's'}`;

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

const backToList = (cursor: PageCursor): KnownBlock => ({
  type: 'actions',
  elements: [
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Back to the list' },
      action_id: ACTION_IDS.pageRetry,
      value: encodeCursor(cursor),
    },
  ],
});

/**
 * The ephemeral message an export shows while it runs (it replaces the listing through the
 * click's `response_url`): how many conversations so far, and the cap.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export const renderExportProgress = (progress: ExportProgress, cap: number): RenderedMessage => {
  const text =
    progress.pages === 0
      ? `:hourglass_flowing_sand: Exporting your SMS conversations to a CSV file… (at most ${count(cap)})`
      : `:hourglass_flowing_sand: Exporting… ${conversations(progress.sessions)} so far (${count(progress.pages)} page${progress.pages === 1 ? '' : 's'} from Zoom; at most ${count(cap)})`;
  return { text, blocks: [section(text)] };
};

const shortfall = (result: ExportResult, ctx: RenderContext): string | undefined => {
  const { stop } = result;
  if (stop.kind === 'cap') {
    return `This export reached its cap of ${conversations(result.cap)}, so later conversations are not in the file: narrow the dates or filters to export them.`;
  }
  if (stop.kind === 'failed') {
    const { title } = explain(stop.error, ctx);
    return `The export stopped early (${title.toLowerCase()}): the file has the first ${count(result.pages)} page${result.pages === 1 ? '' : 's'} (${conversations(result.sessions.length)}); the rest of the conversations were not exported. Export again to try for all of them.`;
  }
  return undefined;
};

/**
 * The message posted with the CSV file in the person's direct message: whose conversations, the
 * search, how many, the cap ({@link ExportResult.cap}, always stated) and, when the export stopped
 * short, what is in the file and what is not. Plain mrkdwn (a file comment has no blocks).
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
    `Exports hold at most ${conversations(result.cap)}.`,
    shortfall(result, ctx),
  ];
  return lines.filter((line) => line !== undefined).join('\n');
};

/**
 * The last word of an export, replacing the progress message: the file is in the person's DM
 * (or, when Slack refused the upload, that nothing was sent), what was left out and why, and a
 * "Back to the list" button to the page the export started from.
 */
export const renderExportOutcome = (
  result: ExportResult,
  ctx: RenderContext,
  listCursor: PageCursor,
  uploadError?: AppError,
): RenderedMessage => {
  if (uploadError !== undefined) {
    const { title, body } = explain(uploadError, ctx);
    const text = `:warning: *${title}*\n${body} (${conversations(result.sessions.length)} read from Zoom; no file was sent.)`;
    return { text, blocks: [section(text), backToList(listCursor)] };
  }
  if (result.sessions.length === 0 && result.stop.kind === 'complete') {
    const text =
      ':information_source: No conversations match this search any more, so there was nothing to export.';
    return { text, blocks: [section(text), backToList(listCursor)] };
  }
  const missing = shortfall(result, ctx);
  const headline =
    missing === undefined
      ? `:white_check_mark: Exported all ${conversations(result.sessions.length)} to a CSV file in your direct messages with me.`
      : `:warning: Exported ${conversations(result.sessions.length)} to a CSV file in your direct messages with me.`;
  const text = missing === undefined ? headline : `${headline}\n${missing}`;
  return { text, blocks: [section(text), backToList(listCursor)] };
};

/**
 * The CSV file's name: the search's window in UTC days, e.g.
 * `sms-conversations-2026-10-27-to-2026-11-26.csv` (no person's name or email in it).
 */
export const exportFileName = (result: ExportResult): string =>
  `sms-conversations-${result.query.from.slice(0, 10)}-to-${result.query.to.slice(0, 10)}.csv`;
