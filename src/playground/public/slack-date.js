/**
 * Slack's date tokens (`<!date^UNIX^FORMAT|fallback>`), formatted as Slack formats them, in the
 * time zone of whoever reads them: the browser's own, unless a test names one.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */

const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;

/** The browser's IANA time zone, e.g. `Europe/Paris`. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const ordinal = (day) => {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
};

const partsIn = (ms, timeZone) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    hour12: true,
  }).formatToParts(new Date(ms));
  const get = (type) => parts.find((part) => part.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: get('weekday'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    dayPeriod: get('dayPeriod'),
  };
};

const dayNumber = (p) => Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;

const RELATIVE_UNITS = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const ago = (ms, nowMs) => {
  const diff = ms - nowMs;
  const [unit, size] =
    RELATIVE_UNITS.find(([, length]) => Math.abs(diff) >= length) ?? RELATIVE_UNITS.at(-1);
  return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(
    Math.round(diff / size),
    unit,
  );
};

/**
 * `format` (with `{date_num}`, `{date}`, `{date_short}`, `{date_long}`, their `_pretty` forms,
 * `{time}`, `{time_secs}`, `{ago}`) for the moment `unixSeconds`, in `timeZone`, relative to
 * `now` for "today", "yesterday", "tomorrow" and `{ago}`. A pretty word that opens the text is
 * capitalised, as Slack shows it ("Today at 9:41 AM").
 * @param {number} unixSeconds
 * @param {string} format
 * @param {{ now: Date, timeZone: string }} context
 * @returns {string}
 */
export const formatSlackDate = (unixSeconds, format, context) => {
  const ms = unixSeconds * 1000;
  const p = partsIn(ms, context.timeZone);
  const today = dayNumber(partsIn(context.now.getTime(), context.timeZone));
  const offset = dayNumber(p) - today;
  const month = MONTHS_LONG[p.month - 1] ?? '';
  const plain = {
    date_num: `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`,
    date: `${month} ${ordinal(p.day)}, ${p.year}`,
    date_short: `${month.slice(0, 3)} ${p.day}, ${p.year}`,
    date_long: `${p.weekday}, ${month} ${ordinal(p.day)}, ${p.year}`,
  };
  const pretty = { '-1': 'yesterday', 0: 'today', 1: 'tomorrow' }[offset];
  const values = {
    ...plain,
    date_pretty: pretty ?? plain.date,
    date_short_pretty: pretty ?? plain.date_short,
    date_long_pretty: pretty ?? plain.date_long,
    time: `${p.hour}:${p.minute} ${p.dayPeriod}`,
    time_secs: `${p.hour}:${p.minute}:${p.second} ${p.dayPeriod}`,
    ago: ago(ms, context.now.getTime()),
  };
  const text = format.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(values, name) ? values[name] : whole,
  );
  return /^(today|yesterday|tomorrow)/.test(text) ? text[0].toUpperCase() + text.slice(1) : text;
};
