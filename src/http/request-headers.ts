type HeadersInit = NonNullable<RequestInit['headers']>;

/** What a `Headers` trims from each end of a value (HTTP whitespace). */
const OUTER_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

const isWhitespace = (code: number | undefined): boolean =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

const normalised = (value: unknown): string => {
  const text = String(value);
  return isWhitespace(text.charCodeAt(0)) || isWhitespace(text.charCodeAt(text.length - 1))
    ? text.replace(OUTER_WHITESPACE, '')
    : text;
};

/** An object literal (as Bolt, the Web API client and the app write headers), not a class. */
const isPlainRecord = (headers: HeadersInit): headers is Record<string, string> => {
  if (typeof headers !== 'object' || Array.isArray(headers)) return false;
  const prototype: unknown = Object.getPrototypeOf(headers);
  return prototype === Object.prototype || prototype === null;
};

const fromPlainRecord = (headers: Record<string, string>): Record<string, string> => {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const text = normalised(value);
    const before = record[key];
    record[key] = before === undefined ? text : `${before}, ${text}`;
  }
  return record;
};

/**
 * A request's headers as one plain record with lower-case names, as `new Headers(headers)` would
 * list them: a name given twice in different cases is joined with ', ', values trimmed. An object
 * literal (every caller of the app's fetch but ofetch) is read as it is, and a `Headers` (ofetch's)
 * iterated as it is, instead of copying either into a new `Headers` for every request; only the
 * other shapes (pairs) still go through one.
 */
export const requestHeaderRecord = (headers: RequestInit['headers']): Record<string, string> => {
  if (headers === undefined) return {};
  if (isPlainRecord(headers)) return fromPlainRecord(headers);
  const record: Record<string, string> = {};
  const source = headers instanceof Headers ? headers : new Headers(headers);
  for (const [name, value] of source) record[name] = value;
  return record;
};

/** One request header as `new Headers(headers).get(name)` reads it, without building a `Headers`. */
export const requestHeader = (headers: RequestInit['headers'], name: string): string | null => {
  if (headers === undefined) return null;
  if (headers instanceof Headers) return headers.get(name);
  if (!isPlainRecord(headers)) return new Headers(headers).get(name);
  const wanted = name.toLowerCase();
  let found: string | null = null;
  for (const [key, value] of Object.entries(headers)) {
    if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
    found = found === null ? normalised(value) : `${found}, ${normalised(value)}`;
  }
  return found;
};
