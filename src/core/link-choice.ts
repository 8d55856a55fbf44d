import { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * What a link button carries: whom to link to which Zoom user, and (for **Undo**) the Zoom user
 * they were linked to before, if any. Untrusted when it comes back: the clicker is re-checked as
 * an admin and the Zoom user is verified with Zoom again.
 */
export interface LinkChoice {
  readonly slackUserId: string;
  readonly zoomUser: string;
  /** The link this one replaced; absent when there was none (Undo then unlinks). */
  readonly previous?: string;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;
/** An email is at most 254 characters; a Zoom user id is far shorter. */
const ZOOM_USER_MAX_CHARS = 254;

const wireSchema = z.strictObject({
  u: z.string().regex(SLACK_USER_ID),
  z: z.string().min(1).max(ZOOM_USER_MAX_CHARS),
  p: z.string().min(1).max(ZOOM_USER_MAX_CHARS).optional(),
});

/** The button value for `choice`: short JSON, far under Slack's 2,000 characters. */
export const encodeLinkChoice = (choice: LinkChoice): string =>
  JSON.stringify({
    u: choice.slackUserId,
    z: choice.zoomUser,
    ...(choice.previous === undefined ? {} : { p: choice.previous }),
  });

/**
 * Reads a link button's value back.
 * @throws AppError `BAD_BUTTON` when it is not one the app wrote.
 */
export const decodeLinkChoice = (value: string): LinkChoice => {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (cause) {
    throw new AppError('BAD_BUTTON', 'Link button value is not JSON', { cause });
  }
  const parsed = wireSchema.safeParse(json);
  if (!parsed.success) throw new AppError('BAD_BUTTON', 'Link button value is not a link choice');
  const { u, z: zoomUser, p } = parsed.data;
  return { slackUserId: u, zoomUser, ...(p === undefined ? {} : { previous: p }) };
};
