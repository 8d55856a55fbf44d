import { describe, expect, it } from 'vitest';
import { formatSlackDate } from '../../src/playground/public/slack-date.js';

/** Nov 26, 2:00 PM in New York; already Nov 27, 4:00 AM in Tokyo. */
const NOW = new Date('2026-11-26T19:00:00Z');
/** 2026-11-26T10:23:00Z: 5:23 AM in New York, 7:23 PM in Tokyo. */
const MOMENT = 1_795_688_580;

describe('formatSlackDate', () => {
  it.each([
    ['America/New_York', '{date_short_pretty} at {time}', 'Today at 5:23 AM'],
    ['Asia/Tokyo', '{date_short_pretty} at {time}', 'Yesterday at 7:23 PM'],
    ['Asia/Tokyo', '{date_short} at {time}', 'Nov 26, 2026 at 7:23 PM'],
    ['Asia/Tokyo', '{date_num} {time_secs}', '2026-11-26 7:23:00 PM'],
    ['UTC', '{date_long}', 'Thursday, November 26th, 2026'],
    ['UTC', '{date}', 'November 26th, 2026'],
    ['UTC', 'Posted {date_pretty}', 'Posted today'],
  ])('formats in %s: %s → %s', (timeZone, format, expected) => {
    expect(formatSlackDate(MOMENT, format, { now: NOW, timeZone })).toBe(expected);
  });

  it('says yesterday and tomorrow by the reader’s calendar day, and how long ago', () => {
    const context = { now: NOW, timeZone: 'UTC' };
    expect(formatSlackDate(MOMENT - 86_400, '{date_short_pretty}', context)).toBe('Yesterday');
    expect(formatSlackDate(MOMENT + 86_400, '{date_pretty}', context)).toBe('Tomorrow');
    expect(formatSlackDate(MOMENT - 3 * 86_400, '{ago}', context)).toBe('3 days ago');
  });

  it('writes ordinals as Slack does, 11th to 13th included', () => {
    const day = (iso: string) =>
      formatSlackDate(Date.parse(iso) / 1000, '{date}', { now: NOW, timeZone: 'UTC' });
    expect(day('2026-01-01T12:00:00Z')).toBe('January 1st, 2026');
    expect(day('2026-01-02T12:00:00Z')).toBe('January 2nd, 2026');
    expect(day('2026-01-03T12:00:00Z')).toBe('January 3rd, 2026');
    expect(day('2026-01-12T12:00:00Z')).toBe('January 12th, 2026');
    expect(day('2026-01-22T12:00:00Z')).toBe('January 22nd, 2026');
  });

  it('keeps an unknown token as written', () => {
    expect(formatSlackDate(MOMENT, '{nope}', { now: NOW, timeZone: 'UTC' })).toBe('{nope}');
  });
});
