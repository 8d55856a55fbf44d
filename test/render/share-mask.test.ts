import { describe, expect, it } from 'vitest';
import { maskPhoneNumber, maskSessionNumbers } from '../../src/render/share-mask.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';

describe('maskPhoneNumber', () => {
  it.each([
    ['14155550100', '+1 415 •••• 0100'],
    ['442079460958', '+44 20 •••• 0958'],
    ['447700900123', '+44 •••• 0123'],
    ['33612345678', '+33 6 •••• 78'],
    ['12345', '•••• 2345'],
    ['123', '••••'],
    ['call me', '••••'],
  ])('shows %s as %s', (input, expected) => {
    expect(maskPhoneNumber(input)).toBe(expected);
  });

  it('never keeps more than the country code, the first group and four digits', () => {
    const masked = maskPhoneNumber('14155550100');
    expect(masked).not.toContain('555');
  });
});

describe('maskSessionNumbers', () => {
  it('masks every participant’s number and nothing else', () => {
    const [session] = maskSessionNumbers([
      sessionFromZoom({
        session_id: 's1',
        participants: [
          { display_name: 'Dana 14155550100', phone_number: '14155550100' },
          { display_name: 'No number' },
        ],
      }),
    ]);
    expect(session?.participants).toEqual([
      { name: 'Dana +1 415 •••• 0100', phoneNumber: '+1 415 •••• 0100', isOwner: false },
      { name: 'No number', isOwner: false },
    ]);
  });
});
