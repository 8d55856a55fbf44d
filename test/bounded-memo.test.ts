import { describe, expect, it } from 'vitest';
import { createBoundedMemo } from '../src/bounded-memo.js';
import { formatPhoneNumber, formattedNumbers } from '../src/query/phone.js';
import { safeTimeZone, wallClockFormatters, ZONE_FORMATTERS_MAX } from '../src/query/time-zone.js';
import { fallbackFormatters, slackDate } from '../src/render/slack-date.js';

/** Spellings of zones Intl accepts: case does not matter to it, so there are plenty. */
const zoneSpellings = (count: number): string[] => {
  const zones = Intl.supportedValuesOf('timeZone');
  const out: string[] = [];
  for (let i = 0; out.length < count; i += 1) {
    const zone = zones[i % zones.length] ?? 'UTC';
    const round = Math.floor(i / zones.length);
    out.push(
      [...zone].map((c, j) => ((round >> j) & 1 ? c.toUpperCase() : c.toLowerCase())).join(''),
    );
  }
  return out;
};

describe('createBoundedMemo', () => {
  it('remembers answers, forgets the oldest past its size, and never remembers undefined', () => {
    const memo = createBoundedMemo<number, string | undefined>(3);
    let computed = 0;
    const square = (n: number) => {
      computed += 1;
      return n < 0 ? undefined : String(n * n);
    };
    expect([1, 2, 3, 1].map((n) => memo.get(n, square))).toEqual(['1', '4', '9', '1']);
    expect(computed).toBe(3);
    memo.get(4, square);
    expect(memo.size).toBe(3);
    memo.get(1, square);
    expect(computed).toBe(5);
    expect(memo.get(-1, square)).toBeUndefined();
    expect(memo.size).toBe(3);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => createBoundedMemo(0)).toThrow(RangeError);
  });
});

describe('the in-process caches of rendering', () => {
  it('formatted phone numbers stay within their bound', () => {
    for (let i = 0; i < formattedNumbers.max + 500; i += 1) formatPhoneNumber(`1415${5550000 + i}`);
    expect(formattedNumbers.size).toBe(formattedNumbers.max);
    expect(formatPhoneNumber('18108001001')).toBe('+1 810 800 1001');
  });

  it('time-zone formatters stay within their bound, whatever zone names come', () => {
    for (const zone of zoneSpellings(ZONE_FORMATTERS_MAX + 200)) {
      safeTimeZone(zone);
      slackDate('2026-11-26T12:00:00Z', 'dateTime', zone);
    }
    for (let i = 0; i < 100; i += 1) safeTimeZone(`Not/A_Zone_${i}`);
    expect(wallClockFormatters.size).toBe(ZONE_FORMATTERS_MAX);
    expect(fallbackFormatters.size).toBeLessThanOrEqual(ZONE_FORMATTERS_MAX);
  });
});
