import type { ErrorDetail } from '../errors.js';
import { FILTER_TYPES, MAX_PAGE_SIZE, SESSION_TYPES } from '../query/types.js';
import { COMMAND_OPTIONS, type CommandOption } from '../surface/command-options.js';
import { codeSpan, exampleDays } from './format.js';
import type { RenderContext } from './types.js';

const words = (list: readonly string[], suffix = ''): string =>
  list.map((word) => `\`${word}${suffix}\``).join(', ');

const optionOf = (detail: ErrorDetail, fallback: string): string =>
  codeSpan(`${detail.option ?? fallback}:`);

const typedValue = (detail: ErrorDetail): string =>
  detail.value === undefined || detail.value === '' ? 'That' : codeSpan(detail.value);

const didYouMean = (detail: ErrorDetail, asOption: boolean): string => {
  const { suggestion, option } = detail;
  if (suggestion === undefined || suggestion === '') return '';
  const written = asOption
    ? `${suggestion.replace(/:$/, '')}:`
    : option === undefined || suggestion.startsWith(`${option}:`)
      ? suggestion
      : `${option}:${suggestion}`;
  return ` Did you mean ${codeSpan(written)}?`;
};

const examples = (ctx: RenderContext): Readonly<Record<CommandOption, string>> => {
  const days = exampleDays(ctx);
  return {
    from: `\`from:${days.from}\``,
    to: `\`to:${days.to}\``,
    since: '`since:3m`',
    type: '`type:all`',
    filter: '`filter:sent`',
    phone: '`phone:+18108001001`',
    size: '`size:25`',
  };
};

/**
 * What is wrong with a command a person typed, per `InvalidArgsReason`, with a corrected example
 * they can copy (dates from `ctx.now`, in their zone) and a did-you-mean where one is known.
 * Values echoed from input are escaped and cut to length. Safe mrkdwn.
 */
export const invalidArgsBody = (detail: ErrorDetail, ctx: RenderContext): string => {
  const { limit, reason } = detail;
  const example = examples(ctx);
  if (reason === undefined) return "I couldn't understand that command.";
  switch (reason) {
    case 'unknown-option':
      return `${optionOf(detail, '?')} is not an option.${didYouMean(detail, true)} The options are ${words(COMMAND_OPTIONS, ':')}.`;
    case 'unexpected-word':
      return `I didn't understand ${typedValue(detail)}.${didYouMean(detail, true)} Options are written \`name:value\` (e.g. ${example.from}); the only words on their own are \`me\`, an @mention or \`help\`.`;
    case 'duplicate-option':
      return `${optionOf(detail, '?')} is given more than once. Give each option once.`;
    case 'missing-value': {
      const option = COMMAND_OPTIONS.find((name) => name === detail.option);
      const shown = option === undefined ? undefined : example[option];
      return `${optionOf(detail, '?')} needs a value${shown === undefined ? '' : `, e.g. ${shown}`}. Values with spaces go in quotes.`;
    }
    case 'unclosed-quote':
      return `A quote is opened but never closed (${typedValue(detail)}). Close it, e.g. \`phone:"+1 810 800 1001"\`.`;
    case 'bad-date':
      return `${typedValue(detail)} is not a date ${optionOf(detail, 'from')} understands. Write a day as \`YYYY-MM-DD\` (in your Slack time zone), e.g. ${detail.option === 'to' ? example.to : example.from}, or an exact UTC time as \`YYYY-MM-DDTHH:mm:ssZ\`.`;
    case 'bad-type':
      return `${typedValue(detail)} is not a conversation type.${didYouMean(detail, false)} Use one of ${words(SESSION_TYPES)}.`;
    case 'bad-filter':
      return `${typedValue(detail)} is not a filter.${didYouMean(detail, false)} Use one of \`last\`, \`sent\`, \`received\`, \`sent_received\` (or Zoom's ${words(FILTER_TYPES)}).`;
    case 'bad-phone':
      return `${typedValue(detail)} doesn't look like a phone number. Any usual way of writing one works, e.g. \`phone:+18108001001\` or \`phone:"(810) 800-1001"\`.`;
    case 'bad-size':
      return `${typedValue(detail)} is not a page size. Use a whole number from 1 to ${limit ?? MAX_PAGE_SIZE} (the default is 10).`;
    case 'bad-target':
      return `${typedValue(detail)} is not someone I can look up. Use \`me\` (the default) or @mention one person.`;
    case 'from-after-to':
      return `The window starts after it ends${detail.value === undefined ? '' : ` (${codeSpan(detail.value)})`}. Swap \`from:\` and \`to:\`, e.g. ${example.from} ${example.to}.`;
    case 'range-over-cap':
      return `That range is ${limit === undefined ? 'too long to list at once' : `longer than ${limit} months, the most this app lists at once`}. Narrow \`from:\` and \`to:\` (or \`since:\`), e.g. ${example.since} or ${example.from} ${example.to}.`;
    case 'since-with-dates':
      return `${optionOf(detail, 'since')} can't be used together with ${detail.option === 'since' ? '`from:` or `to:`' : '`since:`'}, since \`since:\` already sets both ends. Use one or the other, e.g. ${example.since} or ${example.from} ${example.to}.`;
    case 'bad-since':
      return `${typedValue(detail)} is not a span ${optionOf(detail, 'since')} understands. Write a number and \`d\` (days), \`w\` (weeks) or \`m\` (months): \`since:7d\`, \`since:2w\`, \`since:3m\`.`;
    case 'from-in-future':
      return `${optionOf(detail, 'from')} ${typedValue(detail)} is in the future. Pick a date up to today, e.g. ${example.from}.`;
    case 'missing-person':
      return `${codeSpan(`/sms-sessions ${detail.option ?? 'who'}`)} needs one person: @mention them, e.g. ${codeSpan(`/sms-sessions ${detail.option ?? 'who'} @alex`)}.`;
    case 'missing-zoom-user':
      return "`/sms-sessions link` needs the person and then their Zoom user's email or id, e.g. `/sms-sessions link @alex alex@example.com`.";
    case 'bad-zoom-user':
      return `${typedValue(detail)} is not a Zoom user I can look up. Write the Zoom email (e.g. \`carol@example.com\`) or the Zoom user id.`;
    case 'bad-count':
      return `${typedValue(detail)} is not a number of entries. Use a whole number from 1 to ${limit ?? 1}.`;
    case 'bad-notify':
      return `${typedValue(detail)} is not a choice for text notifications. Use \`/sms-sessions notify on\` or \`/sms-sessions notify off\` (or \`notify\` alone to see yours).`;
    case 'missing-line':
      return `${codeSpan(`/sms-sessions ${detail.option ?? 'route'}`)} needs a call queue or auto receptionist, by name or id, e.g. \`/sms-sessions route "Support" #support\`.`;
    case 'missing-channel':
      return 'Name the channel with #, e.g. `/sms-sessions route "Support" #support`; the app must be in it (`/invite @SMS Conversations`).';
    case 'bad-channel':
      return `${typedValue(detail)} is not a channel. Pick it with #, e.g. \`#support\`.`;
    case 'bad-reply':
      return `${typedValue(detail)} is not a list of people who may reply. Use \`reply:@alex,@sam\`, \`reply:channel-members\` or \`reply:nobody\`.`;
  }
};
