import { invalidArgs } from '../../errors.js';
import type { Target } from '../../query/types.js';

/** The word that means the caller. */
export const SELF_WORD = 'me';

const MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/;

/** A Slack person named in a command: the caller (`me`) or someone @mentioned. */
export type PersonTarget = Extract<Target, { kind: 'self' | 'slack-user' }>;

/**
 * Reads a word naming a Slack person: `me` (any case) is the caller; a mention as Slack sends it
 * with `should_escape` (`<@U123ABC|name>` or `<@U123ABC>`, ids starting with U or W) is that
 * person. https://docs.slack.dev/interactivity/implementing-slash-commands
 * @returns `undefined` when the word does not try to name anyone.
 * @throws AppError `INVALID_ARGS` / `bad-target` for a word that starts like a mention (`@…`,
 * `<…`) but is not one (a channel, a user group, a name typed without picking the person).
 */
export const parsePerson = (word: string): PersonTarget | undefined => {
  if (word.toLowerCase() === SELF_WORD) return { kind: 'self' };
  const userId = MENTION.exec(word)?.[1];
  if (userId !== undefined) return { kind: 'slack-user', userId };
  if (word.startsWith('@') || word.startsWith('<')) {
    throw invalidArgs('bad-target', { value: word });
  }
  return undefined;
};
