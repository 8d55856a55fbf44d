import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { LinkOutcome, UnlinkOutcome } from '../core/identity-types.js';
import { encodeLinkChoice, type LinkChoice } from '../core/link-choice.js';
import { LINK_ACTION_IDS, LINK_BLOCK_ID } from '../surface/ids.js';
import { truncate, zoomText } from './escape.js';
import { codeSpan, slackMention } from './format.js';
import { resolutionText } from './identity-resolution.js';
import { LABEL_MAX_CHARS } from './limits.js';
import { slackDate } from './slack-date.js';
import type { RenderContext, RenderedMessage } from './types.js';

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text, verbatim: true },
});

const button = (
  text: string,
  actionId: string,
  choice: LinkChoice,
  style?: 'primary' | 'danger',
): Button => ({
  type: 'button',
  text: { type: 'plain_text', text },
  action_id: actionId,
  value: encodeLinkChoice(choice),
  ...(style === undefined ? {} : { style }),
});

const message = (lines: readonly string[], buttons: readonly Button[] = []): RenderedMessage => ({
  text: lines.join(' '),
  blocks: [
    section(lines.join('\n')),
    ...(buttons.length === 0
      ? []
      : [
          {
            type: 'actions',
            block_id: LINK_BLOCK_ID,
            elements: [...buttons],
          } satisfies ActionsBlock,
        ]),
  ],
});

const zoomLabel = (zoomUser: string, zoomName: string | undefined): string =>
  zoomName === undefined
    ? codeSpan(zoomUser)
    : `${codeSpan(zoomUser)} (${truncate(zoomText(zoomName), LABEL_MAX_CHARS * 3)})`;

/**
 * The answer to `/sms-sessions link @person zoom-user` (admins): the link made (with the Zoom
 * user's name, the link it replaced, and **Undo**); a question when the Zoom user does not
 * resemble the Slack profile (**Link anyway** / **Cancel**, nothing stored yet); or why Zoom's
 * answer stopped it — no such Zoom user, or a Zoom user without Zoom Phone. Pure; at most two
 * blocks; every Zoom value escaped.
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
          `:warning: *Not linked.* The Zoom user ${zoomUser} has no Zoom Phone licence, so there would be no SMS conversations to show; ${who} was not linked.`,
          'Ask your Zoom admin to assign a Zoom Phone licence first.',
        ]);
  }
  if (outcome.kind === 'unconfirmed') {
    const who = slackMention(outcome.slackUserId);
    const choice = {
      slackUserId: outcome.slackUserId,
      zoomUser: outcome.zoomUser,
      ...(outcome.previous === undefined ? {} : { previous: outcome.previous.zoomUser }),
    };
    return message(
      [
        `:question: *Link ${who} to Zoom user ${zoomLabel(outcome.zoomUser, outcome.zoomName)}?*`,
        `The Zoom user's name and email don't look like ${who}'s Slack profile (${truncate(zoomText(outcome.slackName), LABEL_MAX_CHARS)}). Nothing is linked until you choose.`,
      ],
      [
        button('Link anyway', LINK_ACTION_IDS.confirm, choice, 'primary'),
        button('Cancel', LINK_ACTION_IDS.cancel, choice),
      ],
    );
  }
  const { link, previous, zoomName } = outcome;
  const lines = [
    `:link: *Linked* ${slackMention(link.slackUserId)} to Zoom user ${zoomLabel(link.zoomUser, zoomName)}. It applies to their next listing.`,
  ];
  const replaced = previous !== undefined && previous.zoomUser !== link.zoomUser;
  if (replaced) {
    const when = slackDate(previous.setAt, 'dateTime', ctx.timeZone) ?? codeSpan(previous.setAt);
    lines.push(
      `It replaces the link to ${codeSpan(previous.zoomUser)} set by ${slackMention(previous.setBy)} (${when}).`,
    );
  }
  const undo = {
    slackUserId: link.slackUserId,
    zoomUser: link.zoomUser,
    ...(replaced ? { previous: previous.zoomUser } : {}),
  };
  return message(lines, [button('Undo', LINK_ACTION_IDS.undo, undo)]);
};

/** What a declined link question is replaced with. */
export const renderLinkCancelled = (choice: LinkChoice): RenderedMessage =>
  message([
    `Nothing was linked: ${slackMention(choice.slackUserId)} is matched to Zoom as before.`,
  ]);

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
