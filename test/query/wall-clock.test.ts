import { describe, expect, it } from 'vitest';
import {
  OFFSET_BUCKET_MS,
  wallClockMs,
  ZONE_OFFSETS_MAX,
  zoneOffsets,
} from '../../src/query/time-zone.js';

/** The wall clock as `Intl` reads it, one formatter call per instant: the reference. */
const reference = (instantMs: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instantMs);
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
};

const ZONES = [
  'UTC',
  'America/New_York',
  'America/Chicago',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'Africa/Monrovia',
];

/** Instants around changes of offset, to the second, and a spread over fifty years. */
const instants = (): number[] => {
  const changes = [
    Date.UTC(2026, 2, 8, 7), // New York springs forward
    Date.UTC(2026, 10, 1, 6), // New York falls back
    Date.UTC(2026, 3, 4, 15), // Lord Howe: half an hour back
    Date.UTC(2026, 9, 3, 15, 30), // Lord Howe: half an hour forward
    Date.UTC(1972, 0, 7, 0, 44, 30), // Monrovia leaves -0:44:30 for UTC
    Date.UTC(1986, 0, 1, 0, 0), // Kathmandu: +5:30 to +5:45
  ];
  const near = changes.flatMap((at) =>
    [-OFFSET_BUCKET_MS, -61_000, -1_001, -1_000, -999, -1, 0, 1, 999, 1_000, 61_000].map(
      (delta) => at + delta,
    ),
  );
  const spread = Array.from({ length: 400 }, (_, i) => Date.UTC(1970, 0, 1) + i * 3_947_000_017);
  return [...near, ...spread, -1_500, -86_400_001];
};

describe('wallClockMs', () => {
  it('reads the same wall clock as Intl, to the second, around every change of offset', () => {
    for (const zone of ZONES) {
      for (const instant of instants()) {
        expect([zone, new Date(instant).toISOString(), wallClockMs(instant, zone)]).toStrictEqual([
          zone,
          new Date(instant).toISOString(),
          reference(instant, zone),
        ]);
      }
    }
  });

  it('reads an unknown zone as UTC', () => {
    const at = Date.UTC(2026, 11, 6, 23, 59, 59, 500);
    expect(wallClockMs(at, 'Mars/Olympus_Mons')).toBe(Date.UTC(2026, 11, 6, 23, 59, 59));
  });

  it('remembers at most its bound of offsets', () => {
    for (let i = 0; i < ZONE_OFFSETS_MAX + 50; i += 1) wallClockMs(i * OFFSET_BUCKET_MS, 'UTC');
    expect(zoneOffsets.size).toBe(ZONE_OFFSETS_MAX);
  });
});
