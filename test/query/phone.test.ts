import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import {
  FORMATTED_NUMBERS_MAX,
  formatPhoneNumber,
  normalizePhoneNumber,
} from '../../src/query/phone.js';

describe('normalizePhoneNumber', () => {
  it.each([
    ['+1 (415) 555-0100', '14155550100'],
    ['+1 415 555 0100', '14155550100'],
    ['14155550100', '14155550100'],
    ['415-555-0100', '14155550100'],
    ['(415) 555 0100', '14155550100'],
    ['  415.555.0100  ', '14155550100'],
    ['+44 20 7946 0958', '442079460958'],
    ['442079460958', '442079460958'],
  ])('turns %j into Zoom’s digits %s when it is a possible number', (input, digits) => {
    expect(normalizePhoneNumber(input)).toBe(digits);
  });

  it('reads a national number in the given country when one is passed', () => {
    expect(normalizePhoneNumber('020 7946 0958', 'GB')).toBe('442079460958');
  });

  it.each(['', '   ', 'abc', '12', '+1 415', '555-0100-555-0100-555'])(
    'refuses %j as bad-phone when it cannot be a number',
    (input) => {
      expect(() => normalizePhoneNumber(input)).toThrow(
        expect.objectContaining({
          constructor: AppError,
          code: 'INVALID_ARGS',
          detail: { reason: 'bad-phone', option: 'phone', value: input },
        }),
      );
    },
  );
});

describe('formatPhoneNumber', () => {
  it('keeps answering correctly once more numbers than it remembers have been formatted', () => {
    expect(formatPhoneNumber('18108001001')).toBe('+1 810 800 1001');
    for (let i = 0; i <= FORMATTED_NUMBERS_MAX; i += 1) formatPhoneNumber(`1415555${i}`);
    expect(formatPhoneNumber('18108001001')).toBe('+1 810 800 1001');
    expect(formatPhoneNumber('442079460958')).toBe('+44 20 7946 0958');
  });

  it.each([
    ['18108001001', '+1 810 800 1001'],
    ['+18108001001', '+1 810 800 1001'],
    ['442079460958', '+44 20 7946 0958'],
  ])('shows Zoom’s %s as %s when it parses', (zoomNumber, shown) => {
    expect(formatPhoneNumber(zoomNumber)).toBe(shown);
  });

  it.each(['abc', '123', '', '1-810-800-1001', '1234567890123456'])(
    'shows %j as it came when it is not a number Zoom writes',
    (zoomNumber) => {
      expect(formatPhoneNumber(zoomNumber)).toBe(zoomNumber);
    },
  );
});
