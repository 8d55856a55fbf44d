import type { PhoneNumber } from './sms.js';

/**
 * A user of the Zoom account, as linking a Slack person to one needs it: the canonical id, the
 * email links are written with, and a name for the confirmation.
 */
export interface AccountUser {
  readonly id: string;
  readonly email?: string;
  /** The display name, else first and last name; absent when the source has none. */
  readonly name?: string;
}

/** A user's Zoom Phone profile: that one exists at all is what tells "has Zoom Phone". */
export interface PhoneProfile {
  readonly id?: string;
  /** The user's own numbers (at most 10). */
  readonly phoneNumbers: readonly PhoneNumber[];
}
