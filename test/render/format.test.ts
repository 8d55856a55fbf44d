import { describe, expect, it } from 'vitest';
import type { SessionQuery } from '../../src/query/types.js';
import { codeSpan, exampleDays, slackMention } from '../../src/render/format.js';
import {
  filterTypeLabel,
  ownerKindLabel,
  phoneLabel,
  sessionTypeLabel,
} from '../../src/render/labels.js';
import { ECHO_MAX_CHARS, LABEL_MAX_CHARS, PARTICIPANT_MIN_CHARS } from '../../src/render/limits.js';
import { participantsLabel } from '../../src/render/participants-label.js';
import { describeQuery } from '../../src/render/query-description.js';
import { slackDate } from '../../src/render/slack-date.js';
import { lineOwnerFromZoom, participantFromZoom } from '../../src/zoom/to-domain.js';

const NEW_YORK = 'America/New_York';

describe('slackDate', () => {
  it('writes a Slack date token with a fallback in the viewer time zone', () => {
    expect(slackDate('2026-11-25T19:03:00Z', 'dateTime', NEW_YORK)).toBe(
      '<!date^1795633380^{date_short_pretty} at {time}|Nov 25, 2026 at 2:03 PM>',
    );
  });

  it('follows daylight saving time in the fallback', () => {
    expect(slackDate('2026-07-04T16:00:00Z', 'dateTime', NEW_YORK)).toContain(
      '|Jul 4, 2026 at 12:00 PM>',
    );
    expect(slackDate('2026-07-04T16:00:00Z', 'dateTime', 'Asia/Kolkata')).toContain(
      '|Jul 4, 2026 at 9:30 PM>',
    );
  });

  it('has a shorter form for dense pages', () => {
    expect(slackDate('2026-11-25T19:03:00Z', 'compactDateTime', NEW_YORK)).toBe(
      '<!date^1795633380^{date_short_pretty} {time}|Nov 25 2:03 PM>',
    );
  });

  it('reads offsets and fractions of a second', () => {
    expect(slackDate('2026-11-25T14:03:00.250-05:00', 'dateTime', NEW_YORK)).toContain(
      '<!date^1795633380^',
    );
  });

  it('uses UTC for the fallback when the zone is unknown', () => {
    expect(slackDate('2026-11-25T19:03:00Z', 'dateTime', 'Not/AZone')).toContain(
      '|Nov 25, 2026 at 7:03 PM>',
    );
  });

  it.each(['', 'yesterday', '2026-11-25', '2026-11-25T19:03:00', '2026-02-30T10:00:00Z|x>'])(
    'is undefined for %j, which is not an instant with a zone',
    (iso) => {
      expect(slackDate(iso, 'dateTime', NEW_YORK)).toBeUndefined();
    },
  );
});

describe('sessionTypeLabel', () => {
  it.each([
    ['user', 'Your number'],
    ['call_queue', 'Call queue'],
    ['auto_receptionist', 'Auto receptionist'],
    ['all', 'All types'],
    [undefined, 'Unknown'],
    ['', 'Unknown'],
    ['toString', 'toString'],
    ['<new&type>', '&lt;new&amp;type&gt;'],
  ])('labels %j as %j', (type, label) => {
    expect(sessionTypeLabel(type)).toBe(label);
  });

  it('shortens an unknown type', () => {
    expect(sessionTypeLabel('x'.repeat(500)).length).toBeLessThanOrEqual(LABEL_MAX_CHARS);
  });
});

describe('ownerKindLabel', () => {
  it.each([
    ['user', 'User'],
    ['callQueue', 'Call queue'],
    ['autoReceptionist', 'Auto receptionist'],
    ['sharedLineGroup', 'Shared line group'],
    ['commonArea', 'commonArea'],
    [undefined, 'Unknown'],
  ])('labels %j as %j', (type, label) => {
    expect(ownerKindLabel(lineOwnerFromZoom(type === undefined ? {} : { type }))).toBe(label);
  });
});

describe('filterTypeLabel', () => {
  it('says which time the dates match', () => {
    expect(filterTypeLabel('last_message_time')).toBe('by last message time');
    expect(filterTypeLabel('sent_received_message_time')).toBe('by time sent or received');
  });
});

describe('phoneLabel', () => {
  it('formats Zoom digits internationally and escapes anything else', () => {
    expect(phoneLabel('18108001001')).toBe('+1 810 800 1001');
    expect(phoneLabel('<ext>')).toBe('&lt;ext&gt;');
  });
});

describe('slackMention', () => {
  it('mentions a user id and escapes anything else', () => {
    expect(slackMention('U0123ABCD')).toBe('<@U0123ABCD>');
    expect(slackMention('W0123ABCD')).toBe('<@W0123ABCD>');
    expect(slackMention('!channel>')).toBe('!channel&gt;');
  });
});

describe('codeSpan', () => {
  it('escapes, keeps one line, and cannot be closed early', () => {
    expect(codeSpan('a`b\n<c>')).toBe('`aˋb &lt;c&gt;`');
  });

  it('shortens long values', () => {
    expect(codeSpan('x'.repeat(1000)).length).toBeLessThanOrEqual(ECHO_MAX_CHARS + 2);
  });
});

describe('describeQuery', () => {
  const query: SessionQuery = {
    sessionType: 'call_queue',
    filterType: 'received_message_time',
    from: '2026-11-01T04:00:00Z',
    to: '2026-11-16T04:59:59Z',
    phoneNumber: '18108001001',
    pageSize: 10,
  };

  it('writes whole days as dates in the viewer time zone', () => {
    expect(describeQuery(query, NEW_YORK)).toEqual({
      from: 'Nov 1, 2026',
      to: 'Nov 15, 2026',
      type: 'Call queue',
      filter: 'by time received',
      phone: '+1 810 800 1001',
    });
  });

  it('writes other instants with time and zone', () => {
    const described = describeQuery(
      { ...query, from: '2026-10-27T12:00:00Z', to: '2026-11-26T12:00:00Z' },
      NEW_YORK,
    );
    expect([described.from, described.to]).toEqual([
      'Oct 27, 2026 8:00 AM EDT',
      'Nov 26, 2026 7:00 AM EST',
    ]);
  });

  it('reads the same instants as other days in another zone', () => {
    const described = describeQuery(query, 'Europe/Paris');
    expect(described.from).toBe('Nov 1, 2026 5:00 AM GMT+1');
  });

  it('has no phone when the search has none', () => {
    const { phoneNumber: _, ...withoutPhone } = query;
    expect(describeQuery(withoutPhone, NEW_YORK)).not.toHaveProperty('phone');
  });
});

describe('exampleDays', () => {
  it('gives today and two weeks before, in the viewer time zone', () => {
    expect(exampleDays({ now: new Date('2026-11-27T03:00:00Z'), timeZone: NEW_YORK })).toEqual({
      from: '2026-11-12',
      to: '2026-11-26',
    });
  });
});

describe('participantsLabel', () => {
  const bo = participantFromZoom({ display_name: 'Bo', phone_number: '14155550101' });
  const long = participantFromZoom({
    display_name: `Ana & ${'Long'.repeat(50)}`,
    phone_number: '14155550102',
  });

  it('lists everyone in full when they fit', () => {
    expect(
      participantsLabel(
        [bo, participantFromZoom({ phone_number: '18108001001' }), participantFromZoom({})],
        200,
      ),
    ).toBe('Bo (+1 415 555 0101), +1 810 800 1001, Unknown participant');
  });

  it('keeps short labels whole and cuts long ones, name before number', () => {
    expect(participantsLabel([bo, long], 60)).toBe(
      'Bo (+1 415 555 0101), Ana &amp; LongLongL… (+1 415 555 0102)',
    );
  });

  it('counts the people it has no room for', () => {
    const label = participantsLabel(
      Array.from({ length: 10 }, () => long),
      60,
    );
    expect(label).toMatch(/ \+\d more$/);
    expect(label.length).toBeLessThanOrEqual(60);
  });

  it.each([1, 5, PARTICIPANT_MIN_CHARS, 20, 33, 64, 100, 301])(
    'never exceeds %i characters',
    (maxChars) => {
      const people = Array.from({ length: 10 }, () => long);
      expect(participantsLabel(people, maxChars).length).toBeLessThanOrEqual(maxChars);
    },
  );

  it('says so when there is nobody', () => {
    expect(participantsLabel([], 100)).toBe('No participants listed');
  });
});
