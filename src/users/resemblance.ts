/** The words a name or an email is made of, lowercased, accents dropped ("Zoë" → "zoe"). */
const wordsOf = (text: string | undefined): string[] =>
  (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);

const localPart = (email: string | undefined): string | undefined =>
  email?.includes('@') === true ? email.slice(0, email.indexOf('@')).toLowerCase() : undefined;

/** How a person is named on one side (Slack's profile, or Zoom's user). */
export interface NamedIdentity {
  readonly name?: string | undefined;
  readonly email?: string | undefined;
}

/**
 * Whether a Slack profile and a Zoom user look like the same person, so linking them needs no
 * second thought: the same email, the same email name before the `@`, or a shared word of at
 * least three letters between their names and email names, accents and case aside ("Bob
 * Okafor" and "Robert Okafor" share "okafor"). "Bob Okafor" and "Zoë Ångström" share nothing,
 * so the admin is asked before the link is made.
 */
export const looksAlike = (slack: NamedIdentity, zoom: NamedIdentity): boolean => {
  const slackEmail = slack.email?.toLowerCase();
  const zoomEmail = zoom.email?.toLowerCase();
  if (slackEmail !== undefined && slackEmail === zoomEmail) return true;
  const slackLocal = localPart(slackEmail);
  if (slackLocal !== undefined && slackLocal === localPart(zoomEmail)) return true;
  const slackWords = new Set([...wordsOf(slack.name), ...wordsOf(slackLocal)]);
  return [...wordsOf(zoom.name), ...wordsOf(localPart(zoomEmail))].some((word) =>
    slackWords.has(word),
  );
};
