import { describe, expect, it } from 'vitest';
import {
  applyFilterChange,
  applyFiltersForm,
  clearFilters,
  DEFAULT_HOME_FILTERS,
  filtersForViewer,
  type HomeFilters,
  hasFilters,
  PHONE_INPUT_MAX_CHARS,
  parseHomeFilters,
  subjectOf,
  toListArgs,
} from '../../src/core/home-filters.js';

const VIEWER = 'U0VIEWER1';
const OTHER = 'U0OTHER01';

const chosen: HomeFilters = {
  subject: OTHER,
  sessionType: 'all',
  filterType: 'sent_message_time',
  from: '2026-10-01',
  to: '2026-10-31',
  phone: '+1 415 555 0100',
};

describe('parseHomeFilters', () => {
  it('reads back filters it stored', () => {
    expect(parseHomeFilters(JSON.parse(JSON.stringify(chosen)))).toEqual(chosen);
  });

  it.each([
    ['nothing stored', undefined],
    ['an unknown session type', { ...chosen, sessionType: 'fax' }],
    ['a date that is not a day', { ...chosen, from: '2026-02-30' }],
    ['a subject that is not a Slack id', { ...chosen, subject: '<!channel>' }],
    ['a phone number too long for the input', { ...chosen, phone: '1'.repeat(41) }],
  ])('gives the defaults when there is %s', (_name, raw) => {
    expect(parseHomeFilters(raw)).toEqual(DEFAULT_HOME_FILTERS);
  });
});

describe('applyFilterChange', () => {
  it('sets the session type and the filter type when they are ones the selects offer', () => {
    const typed = applyFilterChange(DEFAULT_HOME_FILTERS, { kind: 'session-type', value: 'all' });
    expect(
      applyFilterChange(typed, { kind: 'filter-type', value: 'received_message_time' }),
    ).toEqual({ sessionType: 'all', filterType: 'received_message_time' });
  });

  it.each([
    ['session type', { kind: 'session-type', value: 'fax' }],
    ['session type', { kind: 'session-type', value: undefined }],
    ['filter type', { kind: 'filter-type', value: 'toString' }],
    ['from date', { kind: 'from', date: '2026-13-01' }],
    ['to date', { kind: 'to', date: 'yesterday' }],
    ['user', { kind: 'subject', slackUserId: 'bob' }],
  ] as const)('refuses an altered %s value as BAD_BUTTON', (_name, change) => {
    expect(() => applyFilterChange(DEFAULT_HOME_FILTERS, change)).toThrow(
      expect.objectContaining({ code: 'BAD_BUTTON' }),
    );
  });

  it('sets and clears the dates when the pickers change', () => {
    const dated = applyFilterChange(
      applyFilterChange(DEFAULT_HOME_FILTERS, { kind: 'from', date: '2026-10-01' }),
      { kind: 'to', date: '2026-10-31' },
    );
    expect(dated).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    const cleared = applyFilterChange(dated, { kind: 'from', date: null });
    expect(cleared).not.toHaveProperty('from');
    expect(cleared.to).toBe('2026-10-31');
  });

  it('keeps a phone number as typed, trimmed and cut to the input’s length', () => {
    const typed = applyFilterChange(DEFAULT_HOME_FILTERS, {
      kind: 'phone',
      text: `  +1 (415) 555-0100 ${'9'.repeat(60)}`,
    });
    expect(typed.phone).toHaveLength(PHONE_INPUT_MAX_CHARS);
    expect(typed.phone?.startsWith('+1 (415) 555-0100')).toBe(true);
  });

  it.each([[''], ['   '], [null]])('removes the phone filter when the field is %j', (text) => {
    expect(applyFilterChange(chosen, { kind: 'phone', text })).not.toHaveProperty('phone');
  });

  it('sets and clears whose conversations to show', () => {
    expect(
      applyFilterChange(DEFAULT_HOME_FILTERS, { kind: 'subject', slackUserId: OTHER }).subject,
    ).toBe(OTHER);
    expect(applyFilterChange(chosen, { kind: 'subject', slackUserId: null })).not.toHaveProperty(
      'subject',
    );
  });

  it('starts from clean filters when another person is picked', () => {
    const busy = { ...chosen, subject: undefined, phone: '+1 512 555 0176', from: '2026-08-01' };
    expect(applyFilterChange(busy, { kind: 'subject', slackUserId: OTHER })).toEqual({
      ...DEFAULT_HOME_FILTERS,
      subject: OTHER,
    });
    expect(applyFilterChange(chosen, { kind: 'subject', slackUserId: null })).toEqual(
      DEFAULT_HOME_FILTERS,
    );
  });

  it('leaves the filters it was given unchanged', () => {
    const before = JSON.stringify(chosen);
    applyFilterChange(chosen, { kind: 'phone', text: '' });
    expect(JSON.stringify(chosen)).toBe(before);
  });
});

describe('filtersForViewer', () => {
  it('keeps someone else as the subject for an admin', () => {
    expect(filtersForViewer(chosen, VIEWER, true)).toEqual(chosen);
  });

  it('falls back to the viewer’s own conversations when the viewer is not an admin', () => {
    const own = filtersForViewer(chosen, VIEWER, false);
    expect(subjectOf(own, VIEWER)).toBe(VIEWER);
    expect(own).toMatchObject({ sessionType: 'all', phone: chosen.phone });
  });
});

describe('toListArgs', () => {
  it('asks for the viewer’s own conversations with the defaults (every type) when nothing is chosen', () => {
    expect(toListArgs(DEFAULT_HOME_FILTERS, VIEWER)).toEqual({
      target: { kind: 'self' },
      sessionType: 'all',
      filterType: 'last_message_time',
    });
  });

  it('turns every chosen filter into the command’s arguments when all are set', () => {
    expect(toListArgs(chosen, VIEWER)).toEqual({
      target: { kind: 'slack-user', userId: OTHER },
      sessionType: 'all',
      filterType: 'sent_message_time',
      from: { kind: 'day', date: '2026-10-01' },
      to: { kind: 'day', date: '2026-10-31' },
      phoneNumber: '14155550100',
    });
  });

  it('treats picking oneself as one’s own conversations', () => {
    expect(toListArgs({ ...chosen, subject: VIEWER }, VIEWER).target).toEqual({ kind: 'self' });
  });

  it('refuses a phone number that is not one as INVALID_ARGS / bad-phone', () => {
    expect(() => toListArgs({ ...DEFAULT_HOME_FILTERS, phone: 'call me' }, VIEWER)).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGS',
        detail: expect.objectContaining({ reason: 'bad-phone' }),
      }),
    );
  });
});

describe('applyFiltersForm', () => {
  it('sets every filter the modal submitted at once, keeping the person picked', () => {
    const next = applyFiltersForm(
      { ...DEFAULT_HOME_FILTERS, subject: OTHER, phone: '+1 415 555 0100' },
      {
        sessionType: 'user',
        filterType: 'sent_message_time',
        from: '2026-08-01',
        to: '2026-11-30',
        phone: null,
      },
    );
    expect(next).toEqual({
      subject: OTHER,
      sessionType: 'user',
      filterType: 'sent_message_time',
      from: '2026-08-01',
      to: '2026-11-30',
    });
  });

  it.each([
    ['a type no option offers', { sessionType: 'fax' }],
    ['no type at all', { sessionType: undefined }],
    ['a date that is not a day', { from: '2026-02-30' }],
  ])('refuses %s as BAD_BUTTON', (_name, change) => {
    const form = {
      sessionType: 'all',
      filterType: 'last_message_time',
      from: null,
      to: null,
      phone: null,
      ...change,
    };
    expect(() => applyFiltersForm(DEFAULT_HOME_FILTERS, form)).toThrow(
      expect.objectContaining({ code: 'BAD_BUTTON' }),
    );
  });
});

describe('clearFilters and hasFilters', () => {
  it('goes back to the defaults for the same person', () => {
    expect(hasFilters(chosen)).toBe(true);
    expect(clearFilters(chosen)).toEqual({ ...DEFAULT_HOME_FILTERS, subject: OTHER });
    expect(hasFilters(clearFilters(chosen))).toBe(false);
    expect(clearFilters({ ...chosen, subject: undefined })).toEqual(DEFAULT_HOME_FILTERS);
  });

  it.each([
    ['type', { sessionType: 'user' }],
    ['dates match', { filterType: 'sent_message_time' }],
    ['to date', { to: '2026-10-31' }],
    ['phone number', { phone: '1' }],
  ] as const)('counts a %s as a filter', (_name, change) => {
    expect(hasFilters({ ...DEFAULT_HOME_FILTERS, ...change })).toBe(true);
  });
});
