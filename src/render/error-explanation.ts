import { AppError, type ErrorCode, type ErrorDetail } from '../errors.js';
import { adminContact } from './admin-contact.js';
import { truncate, zoomText } from './escape.js';
import { codeSpan, slackMention } from './format.js';
import { invalidArgsBody } from './invalid-args.js';
import type { RenderContext } from './types.js';
import { goOnWhen, retryWhen } from './wait-in-words.js';

/** What went wrong, in words for the person: a title, a body and an optional admin line. */
export interface Explanation {
  readonly title: string;
  readonly body: string;
  /**
   * A line for the app's admins only (Zoom's error code, the scopes to grant), shown in a grey
   * context line under the words; members never see it.
   */
  readonly admin?: string;
}

const HELP_POINTER = 'See `/sms-sessions help` for the full syntax.';

/** Where a person who can go no further is sent: the command, from its first page. */
export const RUN_AGAIN = 'Run `/sms-sessions` again to start from the first page.';

const tellAdmin = (ctx: RenderContext): string =>
  `If it keeps happening, tell ${adminContact(ctx.viewer)}.`;

const requestCount = (limit: number | undefined): string =>
  limit === undefined ? 'a limited number of' : String(limit);

const zoomCodeNote = (detail: ErrorDetail): Pick<Explanation, 'admin'> =>
  detail.zoomCode === undefined ? {} : { admin: `Zoom error ${detail.zoomCode}` };

/**
 * The words for one failure, per {@link ErrorCode} (and per `InvalidArgsReason` for command
 * input): shared by the message renderer (error-message.ts) and the App Home's, so each code
 * reads the same wherever it is shown. Values echoed from input or Zoom are escaped and cut to
 * length.
 */
export const explain = (error: AppError, ctx: RenderContext): Explanation => {
  const { admin, ...words } = explainToAnyone(error, ctx);
  return admin !== undefined && ctx.viewer?.isAdmin === true ? { ...words, admin } : words;
};

/**
 * The title a person reads for an error code ("Zoom is busy", "No Zoom Phone licence"), for
 * places that name a failure without explaining it (the audit trail); `undefined` for a code
 * the app does not have (an old or foreign record).
 */
export const errorTitle = (code: string, ctx: RenderContext): string | undefined => {
  const explanation = explainToAnyone(new AppError(code as ErrorCode, 'for its title'), ctx) as
    | Explanation
    | undefined;
  return explanation?.title;
};

const explainToAnyone = (error: AppError, ctx: RenderContext): Explanation => {
  const { detail } = error;
  const zoomUser = detail.zoomUser === undefined ? 'this person' : codeSpan(detail.zoomUser);
  switch (error.code) {
    case 'INVALID_ARGS':
      return {
        title: "I couldn't read that command",
        body: `${invalidArgsBody(detail, ctx)}\n${HELP_POINTER}`,
      };
    case 'FORBIDDEN':
      return {
        title: "You can't see someone else's SMS conversations",
        body: `Only admins of this app can look up someone else's SMS conversations. Ask ${adminContact(ctx.viewer)} if you need to, or run \`/sms-sessions\` for your own.`,
      };
    case 'ADMIN_ONLY':
      return {
        title: 'Only admins can do that',
        body: `${detail.value === undefined ? 'That command' : codeSpan(`/sms-sessions ${detail.value}`)} is for admins of this app. Ask ${adminContact(ctx.viewer)} if you need it done.`,
      };
    case 'OUTSIDE_WORKSPACE':
      return {
        title: 'This app serves only its own workspace',
        body: "Your Slack account belongs to another workspace or organization than the one this app is installed in (for example through Slack Connect). So the app gives you no admin rights and shows you only your own SMS conversations, and only once an admin of this app has linked your account to your Zoom user: an email from another organization doesn't prove who you are here.",
        admin:
          'An admin can link the person with `/sms-sessions link`; to serve a whole other workspace of your organization, add its team id to `SLACK_ALLOWED_TEAM_IDS`.',
      };
    case 'SLACK_USER_NOT_FOUND':
      return {
        title: "I can't find that person in Slack",
        body: `Slack doesn't know the person ${detail.value === undefined ? 'you named' : codeSpan(detail.value)}. @mention someone in this workspace.`,
      };
    case 'NOT_LINKED': {
      const whom = detail.value === undefined ? 'this person' : slackMention(detail.value);
      return {
        title: 'No Zoom account linked',
        body: `The app finds Zoom users by the email on a Slack profile, and it can't see one for ${whom} (the profile has no email, hides it, or is deactivated). Ask a Slack admin to check the profile's email, or ask ${adminContact(ctx.viewer)} to link ${whom} to their Zoom user.`,
      };
    }
    case 'ZOOM_USER_NOT_FOUND':
      return {
        title: 'No matching Zoom user',
        body: `Zoom has no user with the email ${zoomUser}. Ask your Zoom admin to check that this person has a Zoom account under the same email as in Slack.`,
        ...zoomCodeNote(detail),
      };
    case 'ZOOM_INVALID_USER':
      return {
        title: 'Zoom did not accept this user',
        body: `Zoom says ${zoomUser} is not a valid user. Ask your Zoom admin to check this person's Zoom account and its email.`,
        ...zoomCodeNote(detail),
      };
    case 'ZOOM_PHONE_NOT_ENABLED':
      return {
        title: 'No Zoom Phone licence',
        body: `${detail.zoomUser === undefined ? 'This Zoom user' : `The Zoom user ${zoomUser}`} has no Zoom Phone licence, so there are no SMS conversations to show. Ask your Zoom admin to assign one if there should be.`,
        ...zoomCodeNote(detail),
      };
    case 'ZOOM_SMS_ERROR':
      return {
        title: "Zoom couldn't retrieve the SMS conversations",
        body: `Zoom had trouble fetching these SMS conversations. Try again in a few minutes. If it keeps happening, ask your Zoom admin to check SMS for ${zoomUser}.`,
        ...zoomCodeNote(detail),
      };
    case 'ZOOM_MISSING_SCOPES':
      return {
        title: 'The app is missing Zoom permissions',
        body: `The app's Zoom connection lacks permissions it needs, so nobody can list SMS conversations yet. Tell ${adminContact(ctx.viewer)}.`,
        admin: `Add ${
          detail.scopes === undefined || detail.scopes.length === 0
            ? 'the scopes listed in the README'
            : detail.scopes.slice(0, 10).map(codeSpan).join(', ')
        } to the app's Server-to-Server OAuth app in the Zoom App Marketplace${detail.zoomCode === undefined ? '' : ` · Zoom error ${detail.zoomCode}`}`,
      };
    case 'ZOOM_AUTH':
      return {
        title: "Zoom refused the app's credentials",
        body: `Zoom did not accept this app's credentials, so it can't reach Zoom for anyone right now. Tell ${adminContact(ctx.viewer)}.`,
        admin: `Check the Zoom account ID, client ID and client secret (\`npm run doctor\` tests them)${detail.zoomCode === undefined ? '' : ` · Zoom error ${detail.zoomCode}`}`,
      };
    case 'ZOOM_RATE_LIMITED':
      if (detail.rateLimit === 'daily') {
        return {
          title: "Today's Zoom requests are used up",
          body: `The app has made all the Zoom requests it may make today; the count starts again at midnight UTC. Try again ${retryWhen(detail.retryAfterMs, ctx)}.`,
        };
      }
      return {
        title: 'Zoom is busy',
        body: `Your Zoom account has made too many requests for now. Try again ${retryWhen(detail.retryAfterMs, ctx)}.`,
      };
    case 'SLOW_DOWN':
      if (detail.rateLimit === 'daily') {
        return {
          title: "You've used your share of today's Zoom requests",
          body: `To keep Zoom available for everyone, each person may make ${requestCount(detail.limit)} Zoom requests a day, and you have reached yours; everyone else can still use the app. You can go on ${goOnWhen(detail.retryAfterMs, ctx)}.`,
          admin: 'Shares are set by `ZOOM_USER_DAILY_SHARE` and `ZOOM_ADMIN_DAILY_SHARE`.',
        };
      }
      return {
        title: 'Slow down',
        body: `You've asked for a lot in a short time. To keep Zoom quick for everyone, each person may start ${requestCount(detail.limit)} Zoom requests at once. You can go on ${goOnWhen(detail.retryAfterMs, ctx)}.`,
      };
    case 'APP_RESTARTING':
      return {
        title: 'The app is restarting',
        body: 'The app was restarting before it could ask Zoom for this page. Try again in a moment.',
      };
    case 'ZOOM_UNAVAILABLE':
      return {
        title: "Zoom isn't answering",
        body: `Zoom didn't answer in time or is having trouble. Try again in a few minutes. ${tellAdmin(ctx)}`,
      };
    case 'ZOOM_BAD_RESPONSE':
      return {
        title: 'Zoom returned something unexpected',
        body: `Zoom returned something unexpected, so I can't show this page. Try again. ${tellAdmin(ctx)}`,
      };
    case 'PAGE_EXPIRED':
      return {
        title: 'This page link has expired',
        body: 'Start over from the first page.',
      };
    case 'BAD_BUTTON':
      return {
        title: "This button doesn't work any more",
        body: `The button is from an old or altered message, so I can't tell which page it meant. ${RUN_AGAIN}`,
      };
    case 'SHARE_DISABLED':
      return {
        title: 'Sharing is turned off',
        body: `This app is set up not to post SMS conversations to channels, so nothing was shared. ${adminContact(ctx.viewer).replace(/^./, (c) => c.toUpperCase())} can turn sharing on.`,
      };
    case 'SLACK_CANNOT_POST':
      return {
        title: "I can't post in this channel",
        body: `${detail.value === 'is_archived' ? 'The channel is archived.' : "I'm not a member of this conversation."} Invite me (\`/invite @SMS Conversations\`) to a channel that is not archived and share from there. Nothing was shared.`,
      };
    case 'SLACK_UPLOAD_FAILED':
      return {
        title: "Slack didn't take the file",
        body: `Slack refused the CSV file${detail.value === undefined ? '' : ` (${codeSpan(detail.value)})`}, so nothing was sent to your direct messages. Try again. ${tellAdmin(ctx)}`,
        admin:
          'The app needs the `files:write` and `im:write` scopes; reinstall it if they were added later.',
      };
    case 'SMS_TOO_LONG':
      return {
        title: 'That text is too long',
        body: `Zoom sends at most ${detail.limit ?? 500} characters in one text${detail.length === undefined ? '' : `, and this one has ${detail.length}`}. Shorten it, or send it in two parts. Nothing was sent.`,
      };
    case 'SMS_INVALID_NUMBER':
      return {
        title: "Zoom can't text this number",
        body: 'Zoom says a number in this conversation is not a valid number to text, so nothing was sent. Check the number in the Zoom app.',
        ...zoomCodeNote(detail),
      };
    case 'SMS_REFUSED':
      return {
        title: "Zoom didn't send the text",
        body: `${detail.zoomMessage === undefined ? 'Zoom refused to send it.' : `Zoom says: “${zoomText(truncate(detail.zoomMessage, 300))}”`} Nothing was sent. If the recipient opted out (replied STOP), they must text START before they can get texts again; if the conversation expired, answer from the Zoom app.`,
        ...zoomCodeNote(detail),
      };
    case 'ZOOM_UNCONFIRMED':
      return {
        title: "Zoom didn't confirm the text",
        body: `Zoom didn't answer in time, so the text may or may not have gone out. Look in the conversation (in Slack or the Zoom app) before sending it again. ${tellAdmin(ctx)}`,
      };
    case 'REPLY_FORBIDDEN':
      return {
        title: "You can't reply in this conversation",
        body: 'Only the person whose number this is, or the people an admin allowed for a shared line, can reply from Slack. Nothing was sent.',
      };
    case 'REPLY_UNAVAILABLE':
      return {
        title: "This conversation can't be answered from Slack",
        body: 'It has had no message for over a month, so the app cannot tell who is in it. Answer from the Zoom app. Nothing was sent.',
      };
    case 'INTERNAL':
      return {
        title: 'Something went wrong on our side',
        body: `Try again. ${tellAdmin(ctx)}`,
      };
  }
};
