import { describe, expect, it } from 'vitest';
import { createShortLivedCache, SHORT_LIVED_MAX_CHARS } from '../../src/store/short-lived-cache.js';

describe('createShortLivedCache', () => {
  it('answers a value until it expires, then forgets it', () => {
    const cache = createShortLivedCache();
    cache.set('a', '"one"', 1_000);
    expect(cache.get('a', 999)).toBe('"one"');
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.chars).toBe(0);
  });

  it('never holds more characters than its bound, dropping the least recently read first', () => {
    const cache = createShortLivedCache(30);
    cache.set('a', '0123456789', 10_000);
    cache.set('b', '0123456789', 10_000);
    expect(cache.get('a', 0)).toBe('0123456789');
    cache.set('c', '0123456789', 10_000);
    expect(cache.chars).toBeLessThanOrEqual(30);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBe('0123456789');
    expect(cache.get('c', 0)).toBe('0123456789');
  });

  it('stays within its default bound under a stream of new keys', () => {
    const cache = createShortLivedCache();
    const page = 'x'.repeat(5_000);
    for (let i = 0; i < 3_000; i += 1) cache.set(`page:${i}`, page, Number.MAX_SAFE_INTEGER);
    expect(cache.maxChars).toBe(SHORT_LIVED_MAX_CHARS);
    expect(cache.chars).toBeLessThanOrEqual(SHORT_LIVED_MAX_CHARS);
    expect(cache.get('page:2999', 0)).toBe(page);
    expect(cache.get('page:0', 0)).toBeUndefined();
  });

  it('keeps no value larger than the whole bound, and counts replaced and deleted entries out', () => {
    const cache = createShortLivedCache(10);
    cache.set('big', 'x'.repeat(20), 10_000);
    expect(cache.get('big', 0)).toBeUndefined();
    cache.set('k', 'abc', 10_000);
    cache.set('k', 'abcdef', 10_000);
    expect(cache.chars).toBe(7);
    cache.delete('k');
    expect(cache.chars).toBe(0);
  });
});
