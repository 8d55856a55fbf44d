import { dayjs, safeTimeZone } from '../query/time-zone.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { ECHO_MAX_CHARS, LABEL_MAX_CHARS } from './limits.js';
import type { RenderContext } from './types.js';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/**
 * `<@U123>` for a Slack user id, which Slack shows as the person's current name to each viewer.
 * Anything that is not a user id (a forged button value) is shown escaped instead, so it can
 * never become a broadcast or a link.
 * https://docs.slack.dev/messaging/formatting-message-text#mentioning-users
 */
export const slackMention = (userId: string): string =>
  SLACK_USER_ID.test(userId) ? `<@${userId}>` : truncate(escapeMrkdwn(userId), LABEL_MAX_CHARS);

/**
 * Third-party text (a value a person typed, an email) as an inline code span: escaped, on one
 * line, cut to {@link ECHO_MAX_CHARS}, with backticks swapped for a look-alike so the span cannot
 * be closed early. Code spans keep Slack from turning the text into links or formatting.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export const codeSpan = (value: string): string => {
  const oneLine = value.replace(/\s+/g, ' ').trim().replaceAll('`', 'ˋ');
  return `\`${truncate(escapeMrkdwn(oneLine === '' ? ' ' : oneLine), ECHO_MAX_CHARS)}\``;
};

const EXAMPLE_WINDOW_DAYS = 14;

/**
 * Two real days for examples in help and error text, written `YYYY-MM-DD` in the viewer's zone:
 * two weeks ago and today, so an example a person copies is always a valid window in the past,
 * shorter than a month, whatever the date.
 */
export const exampleDays = (ctx: RenderContext): { readonly from: string; readonly to: string } => {
  const today = dayjs.utc(ctx.now.getTime()).tz(safeTimeZone(ctx.timeZone));
  return {
    from: today.subtract(EXAMPLE_WINDOW_DAYS, 'day').format('YYYY-MM-DD'),
    to: today.format('YYYY-MM-DD'),
  };
};
