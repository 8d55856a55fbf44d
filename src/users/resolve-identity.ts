import { AppError } from '../errors.js';
import type { SlackPerson } from './slack-directory.js';

/** A Slack person's Zoom user, and how the app found it (shown to people, recorded in audits). */
export interface ZoomIdentity {
  readonly slackUserId: string;
  /** Zoom user id or email; Zoom accepts either as `userId`. */
  readonly zoomUser: string;
  readonly how: 'email';
}

/**
 * Maps a Slack person to their Zoom user by the email on their Slack profile, compared
 * case-insensitively (Zoom accepts the email as `userId`, so no lookup call is needed).
 * @throws AppError `NOT_LINKED` when the profile has no email (hidden, bot, or missing scope).
 */
export const resolveZoomIdentity = (person: SlackPerson): ZoomIdentity => {
  if (person.email === undefined) {
    throw new AppError('NOT_LINKED', 'Slack profile has no email', {
      detail: { value: person.id },
    });
  }
  return { slackUserId: person.id, zoomUser: person.email.toLowerCase(), how: 'email' };
};
