import { describe, expect, it } from 'vitest';
import { ELLIPSIS, escapeMrkdwn, truncate } from '../../src/render/escape.js';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > so text cannot become a mention, link or broadcast', () => {
    expect(escapeMrkdwn('<!channel> & <@U123|x> <https://evil|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123|x&gt; &lt;https://evil|click&gt;',
    );
  });

  it('escapes an existing entity again, so it reads as typed', () => {
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });

  it('leaves everything else alone', () => {
    expect(escapeMrkdwn('Renée *bold* _it_ 🎉 "q"')).toBe('Renée *bold* _it_ 🎉 "q"');
  });
});

describe('truncate', () => {
  it('returns text that fits unchanged', () => {
    expect(truncate('hello', 5)).toBe('hello');
  });

  it('cuts to at most maxChars and ends with an ellipsis', () => {
    const cut = truncate('hello world', 8);
    expect(cut).toBe(`hello w${ELLIPSIS}`);
    expect(cut.length).toBeLessThanOrEqual(8);
  });

  it.each([3, 4, 5, 6, 7, 8, 9, 10])('never cuts an escape sequence in half (max %i)', (max) => {
    const cut = truncate(escapeMrkdwn('a&<>b'), max);
    expect(cut.length).toBeLessThanOrEqual(max);
    expect(cut.slice(0, -1)).toMatch(/^(?:a|&amp;|&lt;|&gt;|b)*$/);
  });

  it('never splits an emoji, even one made of several code points', () => {
    const family = '👩‍👩‍👧‍👦';
    for (let max = 1; max <= family.length * 2 + 2; max += 1) {
      const cut = truncate(`${family}${family}x`, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(ELLIPSIS, '').replaceAll(family, '')).toMatch(/^x?$/);
    }
  });

  it('keeps Slack tokens whole', () => {
    const text = 'Hi <@U0123ABCD> at <!date^1795688580^{time}|5:23 AM> ok';
    for (let max = 1; max < text.length; max += 1) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/<[^>]*$/);
    }
  });

  it('gives an empty string when nothing fits', () => {
    expect(truncate('abc', 0)).toBe('');
    expect(truncate('abc', 1)).toBe(ELLIPSIS);
  });
});
