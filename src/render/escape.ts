/** The mark a truncated text ends with (one UTF-16 unit, so it costs one character). */
export const ELLIPSIS = '…';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes `&`, `<` and `>` so third-party text (names from Zoom, values a person typed) reads
 * literally in `mrkdwn` and can never become a mention, a link or a `<!channel>` broadcast.
 * These three are the only characters Slack asks apps to escape.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);

/**
 * Look-alikes for Slack's formatting characters: what a reader sees is what was typed, but Slack
 * finds nothing to format. (The backtick's, `ˋ`, is the one the audit listing already uses.)
 */
const LOOKALIKES: Readonly<Record<string, string>> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };

const WORD = /[\p{L}\p{N}]/u;

/**
 * Neutralises Slack's formatting characters in third-party text: a `*`, `_` or `~` that could
 * open or close bold, italic or strike (next to anything but letters or digits on either side)
 * becomes its look-alike, and so does every backtick (code). Characters inside a word stay as
 * typed (`snake_case`, `2*3`), since Slack formats only at word edges.
 * https://docs.slack.dev/messaging/formatting-message-text#basic-formatting
 */
export const neutralizeFormatting = (text: string): string => {
  const chars = Array.from(text);
  return chars
    .map((char, index) => {
      const lookalike = LOOKALIKES[char];
      if (lookalike === undefined) return char;
      if (char === '`') return lookalike;
      const before = chars[index - 1];
      const after = chars[index + 1];
      const inWord =
        before !== undefined && after !== undefined && WORD.test(before) && WORD.test(after);
      return inWord ? char : lookalike;
    })
    .join('');
};

/**
 * Text that came from Zoom (a display name, a file name, a word Zoom added), made to show exactly
 * as typed in `mrkdwn`: formatting neutralised ({@link neutralizeFormatting}) and `&<>` escaped,
 * so it can be no mention, no `<link>` and no format. Put it in a `verbatim` text object, so a
 * bare URL or `@here` in it is not turned into a link or a mention either.
 * https://docs.slack.dev/reference/block-kit/composition-objects/text-object
 */
export const zoomText = (text: string): string => escapeMrkdwn(neutralizeFormatting(text));

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

const ATOM = /(&(?:amp|lt|gt);|<[^<>]*>)/;

/** The text's uncuttable pieces, produced lazily so cutting a long name stops where it fits. */
function* units(text: string): Generator<string> {
  for (const [index, piece] of text.split(ATOM).entries()) {
    if (index % 2 === 1) yield piece;
    else for (const { segment } of graphemes.segment(piece)) yield segment;
  }
}

/**
 * Shortens `text` to at most `maxChars` characters (UTF-16 units, as Slack's limits count them,
 * which is never fewer than code points), ending with {@link ELLIPSIS} when anything was cut.
 * It cuts only between whole user-perceived characters and never inside an escape sequence
 * (`&amp;`, `&lt;`, `&gt;`) or a Slack token (`<@U123>`, `<!date^…|…>`), so escaped text stays
 * escaped, a mention stays a mention and an emoji stays whole.
 * Text that already fits is returned unchanged; `maxChars` below 1 gives `''`.
 * https://docs.slack.dev/reference/block-kit/composition-objects/text-object
 */
export const truncate = (text: string, maxChars: number): string => {
  if (text.length <= maxChars) return text;
  if (maxChars < 1) return '';
  const room = maxChars - ELLIPSIS.length;
  let kept = '';
  for (const unit of units(text)) {
    if (kept.length + unit.length > room) break;
    kept += unit;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
};
