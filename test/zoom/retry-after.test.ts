import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/zoom/retry-after.js';

const NOW = new Date('2026-11-26T12:00:00Z');

// https://www.rfc-editor.org/rfc/rfc9110#field.retry-after and
// https://developers.zoom.us/docs/api/rest/rate-limits/ (seconds on QPS limits, a date on the daily limit)
describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['1', 1_000],
    ['120', 120_000],
    [' 7 ', 7_000],
    ['1.5', 1_500],
  ])('reads delay-seconds %j as %i ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it.each([
    ['Thu, 26 Nov 2026 12:00:02 GMT', 2_000],
    ['2026-11-27T00:00:00Z', 12 * 3_600_000],
    ['2026-11-26T13:00:00+01:00', 0],
    ['2026-11-26T12:00:00.250Z', 250],
    ['2026-11-27', 12 * 3_600_000],
  ])('reads the date %j as %i ms from now', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it('never returns a negative wait when the date has passed', () => {
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:00 GMT', NOW)).toBe(0);
  });

  it.each([
    [null],
    [''],
    ['   '],
    ['soon'],
    ['-5'],
    ['1e3'],
    ['abc 2026'],
    ['2026-11-26T13:00:00'],
    ['2026-13-45T99:00:00Z'],
  ])('is undefined when the header is %j', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});
