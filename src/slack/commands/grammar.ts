import { closest, distance } from 'fastest-levenshtein';
import { invalidArgs } from '../../errors.js';
import { normalizePhoneNumber } from '../../query/phone.js';
import { dayjs } from '../../query/time-zone.js';
import {
  type DateArg,
  FILTER_TYPES,
  type FilterType,
  type ListArgs,
  MAX_PAGE_SIZE,
  SESSION_TYPES,
  type SessionType,
  type Target,
} from '../../query/types.js';

export type { ListArgs } from '../../query/types.js';

/** The `key:value` options of a listing, in the order the help text shows them. */
export const COMMAND_OPTIONS = ['from', 'to', 'type', 'filter', 'phone', 'size'] as const;

/** One of {@link COMMAND_OPTIONS}. */
export type CommandOption = (typeof COMMAND_OPTIONS)[number];

/** What the command text asks for: the help text, or a listing of someone's SMS sessions. */
export type ParsedCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'list'; readonly args: ListArgs };

type Subcommand = (rest: readonly string[]) => ParsedCommand;

const help: Subcommand = () => ({ kind: 'help' });

const SUBCOMMANDS: ReadonlyMap<string, Subcommand> = new Map([
  ['help', help],
  ['?', help],
  ['-h', help],
  ['--help', help],
]);

const SELF_WORD = 'me';

const SELF: Target = { kind: 'self' };

const SUGGESTED_WORDS: readonly string[] = [
  ...COMMAND_OPTIONS,
  ...[...SUBCOMMANDS.keys()].filter((word) => /^[a-z]+$/.test(word)),
  SELF_WORD,
];

const QUOTE_CLOSERS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["'", "'"],
  ['“', '“”'],
  ['”', '“”'],
  ['‘', '‘’'],
  ['’', '‘’'],
]);

const WHITESPACE = /\s/;
const OPTION_PREFIX = /^([A-Za-z][\w-]*)[:=]$/;
const OPTION = /^([A-Za-z][\w-]*)[:=](.*)$/s;
const MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const SIZE = /^\d{1,3}$/;

const SESSION_TYPE_WORDS: ReadonlyMap<string, SessionType> = new Map<string, SessionType>([
  ...SESSION_TYPES.map((type): [string, SessionType] => [type, type]),
  ['callqueue', 'call_queue'],
  ['queue', 'call_queue'],
  ['autoreceptionist', 'auto_receptionist'],
  ['ar', 'auto_receptionist'],
]);

const FILTER_TYPE_WORDS: ReadonlyMap<string, FilterType> = new Map<string, FilterType>([
  ...FILTER_TYPES.map((filter): [string, FilterType] => [filter, filter]),
  ['last', 'last_message_time'],
  ['sent', 'sent_message_time'],
  ['received', 'received_message_time'],
  ['sent_received', 'sent_received_message_time'],
]);

const nearest = (word: string, candidates: readonly string[]): { suggestion?: string } => {
  const candidate = closest(word, candidates);
  const edits = distance(word, candidate);
  return edits <= Math.min(2, Math.floor(Math.max(word.length, candidate.length) / 2))
    ? { suggestion: candidate }
    : {};
};

const indexOfAny = (text: string, chars: string, from: number): number => {
  const found = [...chars].map((char) => text.indexOf(char, from)).filter((index) => index >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
};

const tokenize = (text: string): string[] => {
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

const parseDate = (option: 'from' | 'to', value: string): DateArg => {
  if (DAY.test(value) && dayjs.utc(value, 'YYYY-MM-DD', true).isValid()) {
    return { kind: 'day', date: value };
  }
  if (INSTANT.test(value) && dayjs.utc(value).format('YYYY-MM-DDTHH:mm:ss[Z]') === value) {
    return { kind: 'instant', iso: value };
  }
  throw invalidArgs('bad-date', { option, value });
};

const parseWord = <T>(
  words: ReadonlyMap<string, T>,
  reason: 'bad-type' | 'bad-filter',
  option: CommandOption,
  value: string,
): T => {
  const word = value.toLowerCase().replaceAll('-', '_');
  const known = words.get(word);
  if (known !== undefined) return known;
  throw invalidArgs(reason, { option, value, ...nearest(word, [...words.keys()]) });
};

const parseSize = (value: string): number => {
  const size = SIZE.test(value) ? Number(value) : Number.NaN;
  if (size >= 1 && size <= MAX_PAGE_SIZE) return size;
  throw invalidArgs('bad-size', { option: 'size', value, limit: MAX_PAGE_SIZE });
};

const OPTION_PARSERS = {
  from: (value) => ({ from: parseDate('from', value) }),
  to: (value) => ({ to: parseDate('to', value) }),
  type: (value) => ({ sessionType: parseWord(SESSION_TYPE_WORDS, 'bad-type', 'type', value) }),
  filter: (value) => ({ filterType: parseWord(FILTER_TYPE_WORDS, 'bad-filter', 'filter', value) }),
  phone: (value) => ({ phoneNumber: normalizePhoneNumber(value) }),
  size: (value) => ({ pageSize: parseSize(value) }),
} satisfies Record<CommandOption, (value: string) => Partial<ListArgs>>;

const isCommandOption = (name: string): name is CommandOption =>
  (COMMAND_OPTIONS as readonly string[]).includes(name);

const parseTarget = (word: string): Target | undefined => {
  if (word.toLowerCase() === SELF_WORD) return SELF;
  const userId = MENTION.exec(word)?.[1];
  if (userId !== undefined) return { kind: 'slack-user', userId };
  if (word.startsWith('@') || word.startsWith('<')) {
    throw invalidArgs('bad-target', { value: word });
  }
  return undefined;
};

const parseList = (tokens: readonly string[]): ListArgs => {
  let target: Target | undefined;
  let args: Omit<ListArgs, 'target'> = {};
  const seen = new Set<CommandOption>();
  for (const token of tokens) {
    const [, key, value] = OPTION.exec(token) ?? [];
    if (key !== undefined && value !== undefined) {
      const name = key.toLowerCase();
      if (!isCommandOption(name)) {
        throw invalidArgs('unknown-option', {
          option: key,
          value,
          ...nearest(name, COMMAND_OPTIONS),
        });
      }
      if (value === '') throw invalidArgs('missing-value', { option: name, value });
      if (seen.has(name)) throw invalidArgs('duplicate-option', { option: name, value });
      seen.add(name);
      args = { ...args, ...OPTION_PARSERS[name](value) };
      continue;
    }
    const named = parseTarget(token);
    if (named === undefined || target !== undefined) {
      throw invalidArgs('unexpected-word', {
        value: token,
        ...(named === undefined ? nearest(token.toLowerCase(), SUGGESTED_WORDS) : {}),
      });
    }
    target = named;
  }
  return { target: target ?? SELF, ...args };
};

/**
 * Reads the text of `/sms-sessions`. Pure: it never calls Slack or Zoom, so bad input is refused
 * here, before anything reaches Zoom, with an error that names the option and the value.
 *
 * ```
 * /sms-sessions [target] [from:DATE] [to:DATE] [type:TYPE] [filter:FILTER] [phone:NUMBER] [size:N]
 * /sms-sessions help
 * ```
 *
 * - Words are split on whitespace. A value may be quoted, straight (`"…"`, `'…'`) or curly
 *   (`“…”`, `‘…’`, either curly mark closing), at the start of a word or right after `key:`:
 *   `phone:"+1 415 555 0100"`. A Slack mention (`<@U123|jane doe>`) is one word even with spaces.
 * - `help`, `?`, `-h`, `--help` as the first word (any case) ask for help; the rest is ignored.
 *   Further subcommands are one more entry in the first-word dispatch table.
 * - target: nothing or `me` is the caller; a mention as Slack sends it with `should_escape`
 *   (`<@U123ABC|name>` or `<@U123ABC>`, ids starting with U or W) is that person. At most one.
 * - Options are `key:value` or `key=value`, keys in any case, each at most once:
 *   - `from`, `to`: `YYYY-MM-DD` (a day in the person's time zone) or `YYYY-MM-DDTHH:mm:ssZ` (a UTC
 *     instant), both checked to be real dates;
 *   - `type`: `user`, `call_queue` (also `call-queue`, `callqueue`, `queue`), `auto_receptionist`
 *     (also `auto-receptionist`, `autoreceptionist`, `ar`) or `all`, any case;
 *   - `filter`: `last`, `sent`, `received`, `sent_received` or Zoom's full names
 *     (`last_message_time`, …), any case, `-` for `_`;
 *   - `phone`: any way of writing a number, normalised to Zoom's digits by
 *     {@link normalizePhoneNumber};
 *   - `size`: sessions a page, 1 to {@link MAX_PAGE_SIZE}.
 *
 * Zoom's parameters: https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 * Mentions with `should_escape`: https://docs.slack.dev/interactivity/implementing-slash-commands
 * @throws AppError `INVALID_ARGS`; `detail.reason` says why (`unclosed-quote`, `unknown-option`,
 * `missing-value`, `duplicate-option`, `unexpected-word`, `bad-target`, `bad-date`, `bad-type`,
 * `bad-filter`, `bad-phone`, `bad-size`), `detail.option` and `detail.value` what was typed, and
 * `detail.suggestion` the nearest valid option, word or value when one is close.
 */
export const parseCommand = (text: string): ParsedCommand => {
  const tokens = tokenize(text);
  const subcommand = tokens[0] === undefined ? undefined : SUBCOMMANDS.get(tokens[0].toLowerCase());
  return subcommand === undefined
    ? { kind: 'list', args: parseList(tokens) }
    : subcommand(tokens.slice(1));
};
