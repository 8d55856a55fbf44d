import { describe, expect, it } from 'vitest';
import { requestHeader, requestHeaderRecord } from '../../src/http/request-headers.js';

type Init = NonNullable<RequestInit['headers']>;

/** What the pooled fetch sent before: the headers listed through a WHATWG `Headers`. */
const throughHeaders = (init: Init): Record<string, string> =>
  Object.fromEntries(new Headers(init));

const SHAPES: readonly Init[] = [
  { 'Content-Type': 'application/json', Authorization: 'Bearer t', 'User-Agent': 'x' },
  { 'content-type': 'a', 'Content-Type': 'b' },
  { 'X-Padded': ' \t spaced \r\n', 'X-Inner': 'a  b' },
  Object.assign(Object.create(null) as Record<string, string>, { Accept: 'application/json' }),
  {},
  new Headers({ 'Content-Type': 'text/plain', Accept: '*/*' }),
  [
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['x-a', '1'],
    ['X-A', '2'],
  ],
];

describe('request headers', () => {
  it('are listed as a Headers would list them, whatever shape they come in', () => {
    for (const init of SHAPES) expect(requestHeaderRecord(init)).toEqual(throughHeaders(init));
    expect(requestHeaderRecord(undefined)).toEqual({});
  });

  it('give one value as Headers.get would, by any case of its name', () => {
    for (const init of SHAPES) {
      for (const name of ['content-type', 'Content-Type', 'x-padded', 'X-A', 'missing']) {
        expect(requestHeader(init, name)).toBe(new Headers(init).get(name));
      }
    }
    expect(requestHeader(undefined, 'content-type')).toBeNull();
  });

  it('leave the caller’s object as it was', () => {
    const init = { 'Content-Type': 'application/json' };
    const record = requestHeaderRecord(init);
    record['accept-encoding'] = 'identity';
    expect(init).toEqual({ 'Content-Type': 'application/json' });
  });
});
