/** The browser's IANA time zone, e.g. `Europe/Paris`. */
export declare const browserTimeZone: () => string;

/**
 * Formats a Slack date token's format string for `unixSeconds` in `timeZone`, relative to `now`.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export declare const formatSlackDate: (
  unixSeconds: number,
  format: string,
  context: { readonly now: Date; readonly timeZone: string },
) => string;
