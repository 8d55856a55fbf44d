/** A Web API call's arguments, whichever way the client encoded them. */
export type WebApiArgs = Record<string, unknown>;

const looksLikeJson = (value: string) => /^\s*[[{]/.test(value);

/**
 * Reads a Web API request body as Slack does: a form (the Node SDK's default, with nested
 * objects such as `view` or `blocks` sent as JSON strings) or a JSON body.
 * https://docs.slack.dev/apis/web-api/#posting_json
 */
export const parseWebApiArgs = (rawBody: string, contentType: string | undefined): WebApiArgs => {
  if (contentType?.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(rawBody === '' ? '{}' : rawBody);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as WebApiArgs)
      : {};
  }
  const args: WebApiArgs = {};
  for (const [name, value] of new URLSearchParams(rawBody)) {
    if (!looksLikeJson(value)) {
      args[name] = value;
      continue;
    }
    try {
      args[name] = JSON.parse(value);
    } catch {
      args[name] = value;
    }
  }
  return args;
};

/** A string argument, or undefined when it is absent or not a string. */
export const stringArg = (args: WebApiArgs, name: string): string | undefined => {
  const value = args[name];
  return typeof value === 'string' ? value : undefined;
};

/** Slack's `tz_offset`: seconds east of UTC at `at` in `timeZone`. */
export const timeZoneOffsetSeconds = (timeZone: string, at: Date): number => {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? '');
  if (match === null) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
};
