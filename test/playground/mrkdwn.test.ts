import { describe, expect, it } from 'vitest';
import { parseMrkdwn } from '../../src/playground/public/mrkdwn.js';

const text = (value: string) => ({ type: 'text', text: value });

describe('parseMrkdwn', () => {
  it('reads bold, italic, strike and inline code, nested or not', () => {
    expect(parseMrkdwn('*bold _both_* ~gone~ `x_y*z`')).toEqual([
      { type: 'bold', children: [text('bold '), { type: 'italic', children: [text('both')] }] },
      text(' '),
      { type: 'strike', children: [text('gone')] },
      text(' '),
      { type: 'code', text: 'x_y*z' },
    ]);
  });

  it('leaves delimiters inside words and across lines as they are', () => {
    expect(parseMrkdwn('snake_case_name 2*3*4 *open\nclose*')).toEqual([
      text('snake_case_name 2*3*4 *open'),
      { type: 'br' },
      text('close*'),
    ]);
  });

  it('decodes escapes into literal text that can never become a mention or formatting', () => {
    expect(parseMrkdwn('&lt;Zed &amp; Co&gt; &lt;!channel&gt; &lt;@U1&gt;')).toEqual([
      text('<Zed & Co> <!channel> <@U1>'),
    ]);
  });

  it('reads mentions, channels, broadcasts, user groups and links', () => {
    expect(
      parseMrkdwn(
        '<@U0BOB> <@U0ZOE|zoe> <#C1|general> <!here> <!subteam^S1|@ops> <https://a.b/c_d|a_b>',
      ),
    ).toEqual([
      { type: 'user', id: 'U0BOB', label: undefined },
      text(' '),
      { type: 'user', id: 'U0ZOE', label: 'zoe' },
      text(' '),
      { type: 'channel', id: 'C1', label: 'general' },
      text(' '),
      { type: 'broadcast', name: 'here' },
      text(' '),
      { type: 'usergroup', id: 'S1', label: '@ops' },
      text(' '),
      { type: 'link', url: 'https://a.b/c_d', label: 'a_b' },
    ]);
  });

  it('does not turn a javascript: URL into a link', () => {
    expect(parseMrkdwn('<javascript:alert(1)|click>')).toEqual([text('click')]);
  });

  it('reads date tokens with their format, optional link and fallback', () => {
    expect(
      parseMrkdwn('Last: <!date^1795688580^{date_short_pretty} at {time}|Nov 26, 2026 at 5:23 AM>'),
    ).toEqual([
      text('Last: '),
      {
        type: 'date',
        unix: 1795688580,
        format: '{date_short_pretty} at {time}',
        link: undefined,
        fallback: 'Nov 26, 2026 at 5:23 AM',
      },
    ]);
  });

  it('reads known emoji and leaves unknown names and clock times alone', () => {
    expect(parseMrkdwn(':warning: at 10:30:45 :not_an_emoji_name:')).toEqual([
      { type: 'emoji', name: 'warning', text: '⚠️' },
      text(' at 10:30:45 :not_an_emoji_name:'),
    ]);
  });

  it('reads code blocks and quotes as blocks', () => {
    expect(parseMrkdwn('See:\n```a *b*\n&lt;c&gt;```\n&gt; quoted *b*\nafter')).toEqual([
      text('See:'),
      { type: 'br' },
      { type: 'pre', text: 'a *b*\n<c>' },
      { type: 'quote', children: [text('quoted '), { type: 'bold', children: [text('b')] }] },
      text('after'),
    ]);
  });
});
