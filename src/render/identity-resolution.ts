import type { KnownBlock } from '@slack/types';
import type { AccessRole } from '../users/access.js';
import type { Resolution } from '../users/resolve-identity.js';
import { adminContact } from './admin-contact.js';
import { codeSpan, slackMention } from './format.js';
import { slackDate } from './slack-date.js';
import type { RenderContext, RenderedMessage } from './types.js';

const RESOLUTION_ORDER =
  'The app tries, in order: a link set by an admin, then the email on the Slack profile.';

const LINK_HINT =
  'An admin can link them with `/sms-sessions link`, an @mention and their Zoom email or user id.';

const NO_LICENCE =
  ':no_entry_sign: *You have no Zoom Phone licence*, so there are no SMS conversations to show. Ask your Zoom admin to assign one if there should be.';

const ADMIN_POWERS =
  "you may see anyone's SMS conversations, name a Zoom user with `zoom:`, and use `link`, `unlink`, `who` and `audit`.";

const roleText = (role: AccessRole, ctx: RenderContext): string => {
  switch (role) {
    case 'admin':
      return `You are an admin of this app: ${ADMIN_POWERS}`;
    case 'workspace-admin':
      return `You are an admin of this app, as a Slack workspace admin or owner: ${ADMIN_POWERS}`;
    case 'member':
      return `You may see your own SMS conversations. To look at someone else's, ask ${adminContact(ctx.viewer)}.`;
  }
};

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text }],
});

/**
 * One sentence on how a Slack person resolves to a Zoom user and why: linked by an admin (who,
 * when), matched by the email on their Slack profile, or not at all (and what would fix it).
 * `name` is how to call the person (`<@U123>` or "You"), already safe mrkdwn.
 */
export const resolutionText = (
  resolution: Resolution,
  name: string,
  ctx: RenderContext,
): string => {
  switch (resolution.kind) {
    case 'link': {
      const { link } = resolution;
      const when = slackDate(link.setAt, 'dateTime', ctx.timeZone) ?? codeSpan(link.setAt);
      return `${name} → Zoom user ${codeSpan(link.zoomUser)}, *linked by an admin* (${slackMention(link.setBy)}, ${when}).`;
    }
    case 'email':
      return `${name} → Zoom user ${codeSpan(resolution.identity.zoomUser)}, *matched by the email* on the Slack profile.`;
    case 'none':
      switch (resolution.reason) {
        case 'deactivated':
          return `${name} → *no Zoom user*: the Slack account is deactivated and no admin has linked it. ${LINK_HINT}`;
        case 'outside-workspace':
          return `${name} → *no Zoom user*: the Slack account belongs to another workspace or organization, whose emails prove nothing here, and no admin has linked it. ${LINK_HINT}`;
        case 'no-email':
          return `${name} → *no Zoom user*: the Slack profile shows no email (it is hidden or missing) and no admin has linked it. ${LINK_HINT}`;
      }
  }
};

/**
 * The answer to `/sms-sessions who @person` (admins): how that person resolves to a Zoom user,
 * and why. Pure; two blocks.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const renderWho = (resolution: Resolution, ctx: RenderContext): RenderedMessage => {
  const slackUserId =
    resolution.kind === 'none' ? resolution.slackUserId : resolution.identity.slackUserId;
  const text = resolutionText(resolution, slackMention(slackUserId), ctx);
  return { text, blocks: [section(text), context(RESOLUTION_ORDER)] };
};

/**
 * The answer to `/sms-sessions whoami` (anyone): how the viewer resolves to a Zoom user, why,
 * whether they have a Zoom Phone licence (when Zoom says they have none), and what their role
 * lets them see, naming the app's admins. Pure; three blocks.
 */
export const renderWhoAmI = (
  model: {
    readonly resolution: Resolution;
    readonly role: AccessRole;
    readonly phone?: 'licensed' | 'none' | 'unknown';
  },
  ctx: RenderContext,
): RenderedMessage => {
  const text = resolutionText(model.resolution, 'You', ctx);
  const role =
    model.phone === 'none'
      ? `${NO_LICENCE} ${roleText(model.role, ctx)}`
      : roleText(model.role, ctx);
  return {
    text: `${text} ${role}`,
    blocks: [section(text), section(role), context(RESOLUTION_ORDER)],
  };
};
