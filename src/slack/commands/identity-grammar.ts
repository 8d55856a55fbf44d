import { invalidArgs } from '../../errors.js';
import { AUDIT_DEFAULT_ENTRIES, AUDIT_MAX_ENTRIES } from '../../render/audit-entries.js';
import { parseZoomUserRef } from '../../users/zoom-user-ref.js';
import { type PersonTarget, parsePerson } from './person.js';

/** The identity and admin subcommands of `/sms-sessions`, as parsed. */
export type IdentityCommand =
  | { readonly kind: 'link'; readonly person: PersonTarget; readonly zoomUser: string }
  | { readonly kind: 'unlink'; readonly person: PersonTarget }
  | { readonly kind: 'who'; readonly person: PersonTarget }
  | { readonly kind: 'whoami' }
  | { readonly kind: 'audit'; readonly person?: PersonTarget; readonly limit: number };

type Parser = (rest: readonly string[]) => IdentityCommand;

const COUNT = /^\d+$/;

const unexpected = (word: string) => invalidArgs('unexpected-word', { value: word });

const refuseExtra = (rest: readonly string[], expected: number): void => {
  const extra = rest[expected];
  if (extra !== undefined) throw unexpected(extra);
};

const requirePerson = (subcommand: string, word: string | undefined): PersonTarget => {
  if (word === undefined) throw invalidArgs('missing-person', { option: subcommand });
  const person = parsePerson(word);
  if (person === undefined) throw invalidArgs('bad-target', { value: word });
  return person;
};

const parseCount = (word: string): number => {
  const count = Number(word);
  if (count >= 1 && count <= AUDIT_MAX_ENTRIES) return count;
  throw invalidArgs('bad-count', { value: word, limit: AUDIT_MAX_ENTRIES });
};

const onePerson =
  (kind: 'unlink' | 'who'): Parser =>
  (rest) => {
    refuseExtra(rest, 1);
    return { kind, person: requirePerson(kind, rest[0]) };
  };

const link: Parser = (rest) => {
  refuseExtra(rest, 2);
  const person = requirePerson('link', rest[0]);
  const typed = rest[1];
  if (typed === undefined) throw invalidArgs('missing-zoom-user', { option: 'link' });
  const zoomUser = parseZoomUserRef(typed);
  if (zoomUser === undefined) throw invalidArgs('bad-zoom-user', { option: 'link', value: typed });
  return { kind: 'link', person, zoomUser };
};

const whoami: Parser = (rest) => {
  refuseExtra(rest, 0);
  return { kind: 'whoami' };
};

const audit: Parser = (rest) => {
  let person: PersonTarget | undefined;
  let limit: number | undefined;
  for (const word of rest) {
    if (COUNT.test(word) && limit === undefined) {
      limit = parseCount(word);
      continue;
    }
    const named = parsePerson(word);
    if (named === undefined || person !== undefined) throw unexpected(word);
    person = named;
  }
  return {
    kind: 'audit',
    ...(person === undefined ? {} : { person }),
    limit: limit ?? AUDIT_DEFAULT_ENTRIES,
  };
};

/**
 * The identity subcommands by their first word (matched in any case):
 *
 * ```
 * /sms-sessions link @person zoom-email-or-user-id   (admins) link a Slack person to a Zoom user
 * /sms-sessions unlink @person                       (admins) remove that link
 * /sms-sessions who @person                          (admins) how that person resolves, and why
 * /sms-sessions whoami                               how I resolve, and what I may see
 * /sms-sessions audit [@person] [n]                  (admins) the latest n audit entries
 * ```
 *
 * A person is `me` or an @mention; a Zoom user is an email (also as Slack escapes it,
 * `<mailto:carol@example.com|carol@example.com>`) or a Zoom user id. `n` is 1 to
 * {@link AUDIT_MAX_ENTRIES} (default {@link AUDIT_DEFAULT_ENTRIES}); `audit` takes the person
 * and the number in either order. Who may run them is decided by the core, not here.
 * @throws AppError `INVALID_ARGS` with `missing-person`, `bad-target`, `missing-zoom-user`,
 * `bad-zoom-user`, `bad-count` or `unexpected-word`.
 */
export const IDENTITY_SUBCOMMANDS: ReadonlyMap<string, Parser> = new Map<string, Parser>([
  ['link', link],
  ['unlink', onePerson('unlink')],
  ['who', onePerson('who')],
  ['whoami', whoami],
  ['audit', audit],
]);
