import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBoundedMemo } from '../../src/bounded-memo.js';
import { createValueSeal, SEAL_TAGS_MAX } from '../../src/keys/value-seal.js';

const key = randomBytes(32);

describe('value seal', () => {
  it('seals a value the same way whether its tag was remembered or not', () => {
    const remembered = createValueSeal([key]);
    const fresh = createValueSeal([key], createBoundedMemo(1));
    const values = ['p1|cursor', 'p2|cursor', 'p1|cursor', 'ü|“quoted”'];
    for (const value of values) {
      const sealed = remembered.seal(value);
      expect(sealed).toBe(fresh.seal(value));
      expect(remembered.unseal(sealed)).toBe(value);
      expect(createValueSeal([key]).unseal(sealed)).toBe(value);
    }
  });

  it('remembers at most SEAL_TAGS_MAX tags, and only of values it sealed', () => {
    const tags = createBoundedMemo<string, string>(SEAL_TAGS_MAX);
    const seal = createValueSeal([key], tags);
    for (let i = 0; i < SEAL_TAGS_MAX + 500; i += 1) seal.seal(`value-${i}`);
    expect(tags.size).toBe(SEAL_TAGS_MAX);
    const before = tags.size;
    const forged = `${'x'.repeat(20)}.${'A'.repeat(14)}`;
    expect(seal.unseal(forged)).toBeUndefined();
    expect(tags.size).toBe(before);
  });

  it('refuses a value whose tag was made with another key, remembered or not', () => {
    const mine = createValueSeal([key]);
    const theirs = createValueSeal([randomBytes(32)]);
    const sealed = theirs.seal('p1|cursor');
    mine.seal('p1|cursor');
    expect(mine.unseal(sealed)).toBeUndefined();
  });
});
