import { slackMention } from './format.js';
import type { ViewerModel } from './types.js';

/** How many admins an answer names before "or another admin of this app". */
const NAMED_ADMINS_MAX = 3;

const joinOr = (names: readonly string[]): string =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

/**
 * Whom to ask, as safe mrkdwn to put after "Ask" or "tell": the app's configured admins by
 * mention (Slack shows each as the person's name), at most {@link NAMED_ADMINS_MAX} of them;
 * "a Slack workspace admin or owner" when only those are admins; otherwise "an admin of this
 * app". Never a setting's name: those are for `doctor` and the README, not for the people who
 * use the app.
 */
export const adminContact = (viewer: ViewerModel | undefined): string => {
  const ids = viewer?.admins ?? [];
  if (ids.length === 0) {
    return viewer?.workspaceAdmins === true
      ? 'a Slack workspace admin or owner'
      : 'an admin of this app';
  }
  const named = ids.slice(0, NAMED_ADMINS_MAX).map(slackMention);
  return ids.length > NAMED_ADMINS_MAX || viewer?.workspaceAdmins === true
    ? `${named.join(', ')} or another admin of this app`
    : joinOr(named);
};
