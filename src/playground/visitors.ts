/**
 * Which browser tab ("visitor") last acted as each person, so what Slack shows one person
 * privately (an ephemeral answer, a file in their direct messages) lands in that visitor's
 * timeline only. Public channel messages belong to no visitor: everyone in the channel sees
 * them, as in Slack.
 */
export interface Visitors {
  /** Records that `visitor` now acts as `userId`. */
  note(userId: string, visitor: string | undefined): void;
  /** The visitor who last acted as `userId`, if any. */
  of(userId: string): string | undefined;
}

/** A visitor id as the page makes one (`crypto.randomUUID()`). */
export const VISITOR_ID = /^[a-f0-9-]{8,64}$/;

/** Builds the registry; it holds one id per person at most. */
export const createVisitors = (): Visitors => {
  const last = new Map<string, string>();
  return {
    note: (userId, visitor) => {
      if (visitor !== undefined) last.set(userId, visitor);
    },
    of: (userId) => last.get(userId),
  };
};
