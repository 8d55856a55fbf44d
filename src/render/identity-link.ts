import type { KnownBlock } from '@slack/types';
import type { LinkOutcome, UnlinkOutcome } from '../core/identity.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { codeSpan, slackDate, slackMention } from './format.js';
import { resolutionText } from './identity-resolution.js';
import { LABEL_MAX_CHARS } from './limits.js';
import type { RenderContext, RenderedMessage } from './types.js';

const UNDO = 'To undo, run `/sms-sessions unlink` and @mention them.';

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text }],
});

const message = (lines: readonly string[], note?: string): RenderedMessage => ({
  text: lines.join(' '),
  blocks: [section(lines.join('\n')), ...(note === undefined ? [] : [context(note)])],
});

/**
 * The answer to `/sms-sessions link @person zoom-user` (admins): the link made (with the Zoom
 * user's name, and the link it replaced), or why Zoom's answer stopped it — no such Zoom user,
 * or a Zoom user without Zoom Phone. Pure; at most two blocks; every Zoom value escaped.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const renderLinkOutcome = (outcome: LinkOutcome, ctx: RenderContext): RenderedMessage => {
  if (outcome.kind === 'refused') {
    const who = slackMention(outcome.slackUserId);
    const zoomUser = codeSpan(outcome.zoomUser);
    return outcome.reason === 'no-zoom-user'
      ? message([
          `:warning: *Not linked.* Zoom has no user ${zoomUser}, so ${who} was not linked.`,
          'Check the email or user id in the Zoom admin portal (User Management → Users).',
        ])
      : message([
          `:warning: *Not linked.* The Zoom user ${zoomUser} has no Zoom Phone, so there would be no SMS conversations to show; ${who} was not linked.`,
          'Ask your Zoom admin to assign a Zoom Phone license first.',
        ]);
  }
  const { link, previous, zoomName } = outcome;
  const named =
    zoomName === undefined ? '' : ` (${truncate(escapeMrkdwn(zoomName), LABEL_MAX_CHARS * 3)})`;
  const lines = [
    `:link: *Linked* ${slackMention(link.slackUserId)} to Zoom user ${codeSpan(link.zoomUser)}${named}. It applies to their next listing.`,
  ];
  if (previous !== undefined && previous.zoomUser !== link.zoomUser) {
    const when = slackDate(previous.setAt, 'dateTime', ctx.timeZone) ?? codeSpan(previous.setAt);
    lines.push(
      `It replaces the link to ${codeSpan(previous.zoomUser)} set by ${slackMention(previous.setBy)} (${when}).`,
    );
  }
  return message(lines, UNDO);
};

/**
 * The answer to `/sms-sessions unlink @person` (admins): whether a link was removed, and how the
 * person resolves now (usually by email). Pure; one block.
 */
export const renderUnlinkOutcome = (
  outcome: UnlinkOutcome,
  ctx: RenderContext,
): RenderedMessage => {
  const who = slackMention(outcome.slackUserId);
  const first =
    outcome.removed === undefined
      ? `${who} had no link, so nothing changed.`
      : `*Unlinked* ${who} from Zoom user ${codeSpan(outcome.removed.zoomUser)}.`;
  return message([first, `Now: ${resolutionText(outcome.now, who, ctx)}`]);
};
