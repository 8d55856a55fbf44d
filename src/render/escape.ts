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
