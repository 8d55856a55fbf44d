import { invalidArgs } from '../../errors.js';
import { isCalendarDay } from '../../query/calendar-day.js';
import { normalizePhoneNumber } from '../../query/phone.js';
import { zoomInstant } from '../../query/time-zone.js';
import {
  type DateArg,
  FILTER_TYPES,
  type FilterType,
  type ListArgs,
  MAX_PAGE_SIZE,
  SESSION_TYPES,
  type SessionType,
  SINCE_UNIT_LETTERS,
  SINCE_UNITS,
  type SinceArg,
  type SinceUnit,
  type Target,
} from '../../query/types.js';
import { COMMAND_OPTIONS, type CommandOption } from '../../surface/command-options.js';
import { parseZoomUserRef } from '../../users/zoom-user-ref.js';
import { IDENTITY_SUBCOMMANDS, type IdentityCommand } from './identity-grammar.js';
import { INBOX_SUBCOMMANDS, type InboxCommand } from './inbox-grammar.js';
import { parsePerson, SELF_WORD } from './person.js';
import { nearest } from './suggest.js';
import { tokenize } from './tokenize.js';

export type { ListArgs } from '../../query/types.js';

/** The option that names a Zoom user directly as the target (`zoom:carol@example.com`, admins). */
export const ZOOM_TARGET_OPTION = 'zoom';

/**
 * What the command text asks for: the help text, a listing of someone's SMS sessions, or an
 * identity subcommand (`link`, `unlink`, `who`, `whoami`, `audit`).
 */
export type ParsedCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'list'; readonly args: ListArgs }
  | IdentityCommand
  | InboxCommand;

type Subcommand = (rest: readonly string[]) => ParsedCommand;

const help: Subcommand = () => ({ kind: 'help' });

const SUBCOMMANDS: ReadonlyMap<string, Subcommand> = new Map<string, Subcommand>([
  ['help', help],
  ['?', help],
  ['-h', help],
  ['--help', help],
  ...IDENTITY_SUBCOMMANDS,
  ...INBOX_SUBCOMMANDS,
]);

const SELF: Target = { kind: 'self' };

const SUGGESTED_WORDS: readonly string[] = [
  ...COMMAND_OPTIONS,
  ...[...SUBCOMMANDS.keys()].filter((word) => /^[a-z]+$/.test(word)),
  SELF_WORD,
];

const OPTION = /^([A-Za-z][\w-]*)[:=](.*)$/s;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const SIZE = /^\d{1,3}$/;
const SINCE = /^(\d{1,3})([a-z])$/i;

const SINCE_UNIT_OF_LETTER: ReadonlyMap<string, SinceUnit> = new Map(
  SINCE_UNITS.map((unit): [string, SinceUnit] => [SINCE_UNIT_LETTERS[unit], unit]),
);

/** Options that set the dates; `since` sets both ends, so it goes with neither of the others. */
const DATE_OPTIONS: readonly CommandOption[] = ['from', 'to'];

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

const parseDate = (option: 'from' | 'to', value: string): DateArg => {
  if (isCalendarDay(value)) return { kind: 'day', date: value };
  if (INSTANT.test(value) && zoomInstant(Date.parse(value)) === value) {
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

const parseSince = (value: string): SinceArg => {
  const [, amount, letter] = SINCE.exec(value) ?? [];
  const unit = SINCE_UNIT_OF_LETTER.get(letter?.toLowerCase() ?? '');
  if (unit !== undefined && Number(amount) >= 1) return { amount: Number(amount), unit };
  throw invalidArgs('bad-since', { option: 'since', value });
};

const conflictsWithSeen = (name: CommandOption, seen: ReadonlySet<CommandOption>): boolean =>
  name === 'since'
    ? DATE_OPTIONS.some((option) => seen.has(option))
    : DATE_OPTIONS.includes(name) && seen.has('since');

const OPTION_PARSERS = {
  from: (value) => ({ from: parseDate('from', value) }),
  to: (value) => ({ to: parseDate('to', value) }),
  since: (value) => ({ since: parseSince(value) }),
  type: (value) => ({ sessionType: parseWord(SESSION_TYPE_WORDS, 'bad-type', 'type', value) }),
  filter: (value) => ({ filterType: parseWord(FILTER_TYPE_WORDS, 'bad-filter', 'filter', value) }),
  phone: (value) => ({ phoneNumber: normalizePhoneNumber(value) }),
  size: (value) => ({ pageSize: parseSize(value) }),
} satisfies Record<CommandOption, (value: string) => Partial<ListArgs>>;

const isCommandOption = (name: string): name is CommandOption =>
  (COMMAND_OPTIONS as readonly string[]).includes(name);

const zoomTarget = (token: string, value: string, earlier: Target | undefined): Target => {
  if (value === '') throw invalidArgs('missing-value', { option: ZOOM_TARGET_OPTION, value });
  if (earlier !== undefined) throw invalidArgs('unexpected-word', { value: token });
  const zoomUser = parseZoomUserRef(value);
  if (zoomUser === undefined) {
    throw invalidArgs('bad-zoom-user', { option: ZOOM_TARGET_OPTION, value });
  }
  return { kind: 'zoom-user', zoomUser };
};

const parseList = (tokens: readonly string[]): ListArgs => {
  let target: Target | undefined;
  let args: Omit<ListArgs, 'target'> = {};
  const seen = new Set<CommandOption>();
  for (const token of tokens) {
    const [, key, value] = OPTION.exec(token) ?? [];
    if (key !== undefined && value !== undefined) {
      const name = key.toLowerCase();
      if (name === ZOOM_TARGET_OPTION) {
        target = zoomTarget(token, value, target);
        continue;
      }
      if (!isCommandOption(name)) {
        throw invalidArgs('unknown-option', {
          option: key,
          value,
          ...nearest(name, [...COMMAND_OPTIONS, ZOOM_TARGET_OPTION]),
        });
      }
      if (value === '') throw invalidArgs('missing-value', { option: name, value });
      if (seen.has(name)) throw invalidArgs('duplicate-option', { option: name, value });
      if (conflictsWithSeen(name, seen)) {
        throw invalidArgs('since-with-dates', { option: name, value });
      }
      seen.add(name);
      args = { ...args, ...OPTION_PARSERS[name](value) };
      continue;
    }
    const named = parsePerson(token);
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
 * /sms-sessions [target] [since:SPAN] [type:TYPE] …
 * /sms-sessions help
 * /sms-sessions link @person zoom-email-or-id | unlink @person | who @person | whoami | audit [@person] [n]
 * ```
 *
 * - Words are split on whitespace. A value may be quoted, straight (`"…"`, `'…'`) or curly
 *   (`“…”`, `‘…’`, either curly mark closing), at the start of a word or right after `key:`:
 *   `phone:"+1 415 555 0100"`. A Slack mention (`<@U123|jane doe>`) is one word even with spaces.
 * - `help`, `?`, `-h`, `--help` as the first word (any case) ask for help; the rest is ignored.
 *   `link`, `unlink`, `who`, `whoami` and `audit` as the first word are the identity
 *   subcommands ({@link IDENTITY_SUBCOMMANDS}); further subcommands are one more entry in the
 *   first-word dispatch table.
 * - target: nothing or `me` is the caller; a mention as Slack sends it with `should_escape`
 *   (`<@U123ABC|name>` or `<@U123ABC>`, ids starting with U or W) is that person;
 *   `zoom:carol@example.com` (or `zoom:<mailto:…|…>`, or `zoom:` and a Zoom user id) is that Zoom
 *   user, named directly. At most one target.
 * - Options are `key:value` or `key=value`, keys in any case, each at most once:
 *   - `from`, `to`: `YYYY-MM-DD` (a day in the person's time zone) or `YYYY-MM-DDTHH:mm:ssZ` (a UTC
 *     instant), both checked to be real dates;
 *   - `since`: a number from 1 to 999 and `d` (days), `w` (weeks) or `m` (calendar months), any
 *     case, counted back from now (`since:7d`, `since:2w`, `since:3m`); never with `from`/`to`;
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
 * `missing-value`, `duplicate-option`, `unexpected-word`, `bad-target`, `bad-zoom-user`, `bad-date`,
 * `bad-since`, `since-with-dates`, `bad-type`, `bad-filter`, `bad-phone`, `bad-size`, and those
 * of the identity subcommands),
 * `detail.option` and `detail.value` what was typed, and
 * `detail.suggestion` the nearest valid option, word or value when one is close.
 */
export const parseCommand = (text: string): ParsedCommand => {
  const tokens = tokenize(text);
  const subcommand = tokens[0] === undefined ? undefined : SUBCOMMANDS.get(tokens[0].toLowerCase());
  return subcommand === undefined
    ? { kind: 'list', args: parseList(tokens) }
    : subcommand(tokens.slice(1));
};
