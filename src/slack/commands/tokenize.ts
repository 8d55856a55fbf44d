import { invalidArgs } from '../../errors.js';

const QUOTE_CLOSERS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["'", "'"],
  ['“', '“”'],
  ['”', '“”'],
  ['‘', '‘’'],
  ['’', '‘’'],
]);

const WHITESPACE = /\s/;

/** `key:` or `key=` with nothing after it yet: a quote may open the value. */
export const OPTION_PREFIX = /^([A-Za-z][\w-]*)[:=]$/;

const indexOfAny = (text: string, chars: string, from: number): number => {
  const found = [...chars].map((char) => text.indexOf(char, from)).filter((index) => index >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
};

/**
 * Splits command text into words as `/sms-sessions` reads them: on any whitespace; a value may
 * be quoted, straight (`"…"`, `'…'`) or curly (`“…”`, `‘…’`, either curly mark closing), at the
 * start of a word or right after `key:`; a Slack escape (`<@U123|jane doe>`,
 * `<mailto:a@b.c|a@b.c>`) starting a word is one word even with spaces inside.
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 * @throws AppError `INVALID_ARGS` / `unclosed-quote` when a quote is never closed.
 */
export const tokenize = (text: string): string[] => {
  const tokens: string[] = [];
  let current: string | undefined;
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    const closers = QUOTE_CLOSERS.get(char);
    if (WHITESPACE.test(char)) {
      if (current !== undefined) tokens.push(current);
      current = undefined;
      i += 1;
    } else if (closers !== undefined && (current === undefined || OPTION_PREFIX.test(current))) {
      const end = indexOfAny(text, closers, i + 1);
      if (end === -1) {
        const option = OPTION_PREFIX.exec(current ?? '')?.[1];
        throw invalidArgs('unclosed-quote', {
          value: text.slice(i).trim(),
          ...(option === undefined ? {} : { option }),
        });
      }
      current = (current ?? '') + text.slice(i + 1, end);
      i = end + 1;
    } else if (char === '<' && current === undefined && text.includes('>', i)) {
      const end = text.indexOf('>', i);
      current = text.slice(i, end + 1);
      i = end + 1;
    } else {
      current = (current ?? '') + char;
      i += 1;
    }
  }
  if (current !== undefined) tokens.push(current);
  return tokens;
};
