import { describe, expect, it } from 'vitest';
import { looksAlike } from '../../src/users/resemblance.js';

describe('looksAlike', () => {
  it.each([
    ['the same email', { name: 'B', email: 'Bob@Example.com' }, { email: 'bob@example.com' }],
    ['the same email name', { email: 'bob@example.com' }, { email: 'bob@zoom.example.org' }],
    ['a shared last name', { name: 'Bob Okafor' }, { name: 'Robert Okafor' }],
    ['accents aside', { name: 'Zoe Angstrom' }, { name: 'Zoë Ångström' }],
    ['a name word in the email', { name: 'Renée O’Brien' }, { email: 'renee.obrien@example.com' }],
  ])('holds for %s', (_why, slack, zoom) => {
    expect(looksAlike(slack, zoom)).toBe(true);
  });

  it.each([
    [
      'different people',
      { name: 'Bob Okafor', email: 'bob@example.com' },
      { name: 'Zoë Ångström', email: 'zoe@example.com' },
    ],
    [
      'a first name alone too short to count',
      { name: 'Al' },
      { name: 'Al Smith', email: 'asmith@example.com' },
    ],
    ['nothing known on one side', { name: 'Bob' }, {}],
  ])('does not hold for %s', (_why, slack, zoom) => {
    expect(looksAlike(slack, zoom)).toBe(false);
  });
});
