import { AppError, type ErrorCode } from '../errors.js';

/** Slack's own error string of a refused Web API call (`not_in_channel`, `missing_scope`, …). */
const slackErrorOf = (error: unknown): string | undefined => {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
};

/**
 * Translates a failed Slack Web API call (or the file upload beside it) into `code`, once, with
 * Slack's error string as `detail.value` (never the message, which may quote the request).
 * https://docs.slack.dev/tools/node-slack-sdk/web-api#handle-errors
 */
export const toSlackAppError = (code: ErrorCode, error: unknown): AppError => {
  if (error instanceof AppError) return error;
  const slackError = slackErrorOf(error);
  return new AppError(code, `Slack refused the call${slackError ? `: ${slackError}` : ''}`, {
    cause: error,
    ...(slackError === undefined ? {} : { detail: { value: slackError } }),
  });
};
