import type { AppError } from '../errors.js';
import { explain } from './error-explanation.js';
import type { RenderContext } from './types.js';

/**
 * The warning said above the pager of a page kept in place after its Next failed, in the words
 * the error's code has everywhere ({@link explain}): ":warning: Couldn't load the next page: Zoom
 * is busy. Your Zoom account has made too many requests for now. Try again in about 30
 * seconds." Safe mrkdwn; the listing cuts it to its share. Admin-only detail (Zoom's error code)
 * is left to the log: the line is for reading at a glance.
 */
export const nextFailedLine = (error: AppError, ctx: RenderContext): string => {
  const { title, body } = explain(error, ctx);
  return `:warning: Couldn't load the next page: ${title}. ${body}`;
};
