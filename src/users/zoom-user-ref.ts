/** The longest email address SMTP allows (RFC 5321), and so the longest Zoom login. */
export const EMAIL_MAX_CHARS = 254;

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_{}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Zoom user ids are opaque base64url-like strings (22 characters today, e.g. `KDcuGIm1QgePTO8WbOqwIQ`). */
const ZOOM_USER_ID = /^[A-Za-z0-9_-]{16,40}$/;

const MAILTO = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i;

/**
 * Reads a Zoom user as a person typed it: an email (compared case-insensitively, so returned
 * lowercased) or a Zoom user id (returned as is: ids are case-sensitive). With `should_escape`
 * Slack sends a typed email as `<mailto:carol@example.com|carol@example.com>`, which is accepted
 * too. Zoom takes either form as the `userId` of its user and phone APIs, so no lookup is needed
 * to use the result. `me` is never a Zoom user here: Server-to-Server apps must not send it.
 * https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId}
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 * @returns `undefined` when the text is neither an email nor a Zoom user id.
 */
export const parseZoomUserRef = (text: string): string | undefined => {
  const value = (MAILTO.exec(text.trim())?.[1] ?? text).trim();
  if (value.length > EMAIL_MAX_CHARS) return undefined;
  if (EMAIL.test(value)) return value.toLowerCase();
  return ZOOM_USER_ID.test(value) ? value : undefined;
};

/** Whether `value` is a Zoom user exactly as {@link parseZoomUserRef} returns one (normalised). */
export const isZoomUserRef = (value: string): boolean => parseZoomUserRef(value) === value;

/**
 * The part of a Zoom user reference that may reach the logs: the domain of an email, or `id` for
 * a Zoom user id. Emails are personal data and are never logged whole.
 */
export const zoomUserDomain = (zoomUser: string): string => {
  const at = zoomUser.lastIndexOf('@');
  return at === -1 ? 'id' : zoomUser.slice(at + 1).toLowerCase();
};
