import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { UTF8_BOM } from '../../src/export/csv.js';
import { sessionsCsv, toE164 } from '../../src/export/sessions-csv.js';
import type { ZoomSmsSession } from '../../src/zoom/schemas.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';

const owner = {
  display_name: 'Alex Rivera',
  phone_number: '14155550100',
  is_session_owner: true,
  owner: { id: 'zoom-alex', type: 'user' },
};

const zoomSessions: ZoomSmsSession[] = [
  {
    session_id: 's-1',
    session_type: 'user',
    last_access_time: '2026-11-26T12:00:00Z',
    participants: [
      owner,
      { display_name: '=cmd|"/c calc"!A1', phone_number: '18108001001', is_session_owner: false },
    ],
  },
  {
    session_id: 's-2',
    session_type: 'call_queue',
    last_access_time: '2026-07-01T09:30:00Z',
    participants: [
      { display_name: 'Sales, "West"', phone_number: '14155550199', is_session_owner: true },
      { display_name: 'Line\nBreak', phone_number: '442079460958', is_session_owner: false },
      { display_name: '@mention', phone_number: 'not a number', is_session_owner: false },
      { display_name: '-minus', is_session_owner: false },
    ],
  },
  { session_id: 's-3' },
];

const sessions = zoomSessions.map((s) => sessionFromZoom(s));

const read = (csv: string) => parse(csv, { bom: true }) as string[][];

describe('toE164', () => {
  it.each([
    ['14155550100', '+1 415 555 0100'],
    ['442079460958', '+44 20 7946 0958'],
    ['+33612345678', '+33 6 12 34 56 78'],
    ['not a number', 'not a number'],
    [undefined, ''],
  ])('writes %j as %j', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });
});

describe('sessionsCsv', () => {
  it('starts with a UTF-8 byte-order mark and a header sized for the busiest session', () => {
    const csv = sessionsCsv(sessions, 'America/New_York');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(read(csv)[0]).toEqual([
      'Session ID',
      'Type',
      'Last activity (UTC)',
      'Last activity, local (America/New_York)',
      'Owner',
      'Owner number',
      'Participant 1 name',
      'Participant 1 number',
      'Participant 2 name',
      'Participant 2 number',
      'Participant 3 name',
      'Participant 3 number',
    ]);
  });

  it('writes each session with UTC and local times, E.164 numbers and neutralised names', () => {
    const [, first, second, third] = read(sessionsCsv(sessions, 'America/New_York'));
    expect(first).toEqual([
      's-1',
      'user',
      '2026-11-26T12:00:00Z',
      '2026-11-26T07:00:00-05:00',
      'Alex Rivera',
      '+1 415 555 0100',
      `'=cmd|"/c calc"!A1`,
      '+1 810 800 1001',
      '',
      '',
      '',
      '',
    ]);
    expect(second).toEqual([
      's-2',
      'call_queue',
      '2026-07-01T09:30:00Z',
      '2026-07-01T05:30:00-04:00',
      'Sales, "West"',
      '+1 415 555 0199',
      'Line\nBreak',
      '+44 20 7946 0958',
      "'@mention",
      'not a number',
      "'-minus",
      '',
    ]);
    expect(third).toEqual(['s-3', '', '', '', '', '', '', '', '', '', '', '']);
  });

  it('reads an unknown time zone as UTC', () => {
    const [, first] = read(sessionsCsv(sessions.slice(0, 1), 'Not/AZone'));
    expect(first?.[3]).toBe('2026-11-26T12:00:00+00:00');
  });
});
