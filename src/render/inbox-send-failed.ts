import type { KnownBlock } from '@slack/types';
import { truncate, zoomText } from './escape.js';
import {
  INBOX_PREVIEW_MAX_CHARS,
  type InboxMessageModel,
  inboxActionBlocks,
  inboxAttachmentBlocks,
  inboxBodyBlocks,
  inboxSentAt,
  lineLabel,
  nameLabel,
  partyLabel,
  plainParty,
} from './inbox-message.js';
import { TEXT_MAX_CHARS } from './limits.js';
import type { RenderContext, RenderedMessage } from './types.js';

/** Characters of Zoom's failure reason shown (Zoom's are short codes and a few words). */
export const INBOX_FAILURE_REASON_MAX_CHARS = 300;

/** Who sent the text, for the title: the member Zoom named, else the routed line, else none. */
const senderLabel = (model: InboxMessageModel): string | undefined => {
  const author = nameLabel(model.author);
  return author === undefined ? lineLabel(model) : `*${author}*`;
};

/** Zoom's reason, trimmed, or `undefined` when it gave none. */
const reasonOf = (model: InboxMessageModel): string | undefined => {
  const reason = model.failureReason?.replace(/\s+/g, ' ').trim();
  return reason ? reason : undefined;
};

/** One grey line: when it was sent, and Zoom's reason when it gave one. */
const factsBlocks = (model: InboxMessageModel, ctx: RenderContext): KnownBlock[] => {
  const when = inboxSentAt(model, ctx);
  const reason = reasonOf(model);
  const facts = [
    when === undefined ? undefined : `Sent ${when}`,
    reason === undefined
      ? undefined
      : `Zoom's reason: ${truncate(zoomText(reason), INBOX_FAILURE_REASON_MAX_CHARS)}`,
  ].filter((fact) => fact !== undefined);
  if (facts.length === 0) return [];
  const text = truncate(facts.join(' · '), TEXT_MAX_CHARS);
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text, verbatim: true }] }];
};

const nextStep = (model: InboxMessageModel): string =>
  model.position === 'first'
    ? 'Check the number, then send the text again with *Reply*.'
    : 'Check the number, then send the text again with *Reply* at the top of this thread.';

/**
 * Zoom's `phone.sms_sent_failed`, as a Slack message in the conversation's thread (or starting
 * it, with **Open** and **Reply**, when nobody was told of the conversation yet): a warning that
 * the text to the contact was not delivered, the text itself (as for any text, when known and
 * shown), Zoom's reason in a grey line after the words (escaped and neutralised, so it can
 * mention, link or format nothing; cut to {@link INBOX_FAILURE_REASON_MAX_CHARS}), and what to
 * do next. Written without "you", since a routed line's channel reads it too. Numbers follow
 * the other texts' rules (masked in channels with `SHARE_MASK_NUMBERS`). Pure.
 */
export const renderInboxSendFailed = (
  model: InboxMessageModel,
  ctx: RenderContext,
): RenderedMessage => {
  const sender = senderLabel(model);
  const contact = partyLabel(model.contact, model.maskNumbers);
  const by = sender === undefined ? '' : `${sender} sent `;
  const title = `:warning: *Not delivered:* the text ${by}to ${contact}`;
  const reason = reasonOf(model);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(title, TEXT_MAX_CHARS) } },
    ...inboxBodyBlocks(model),
    ...inboxAttachmentBlocks(model),
    { type: 'section', text: { type: 'mrkdwn', text: nextStep(model) } },
    ...factsBlocks(model, ctx),
    ...inboxActionBlocks(model),
  ];
  const lead = `Text to ${plainParty(model.contact, model.maskNumbers)} not delivered`;
  return {
    text:
      reason === undefined
        ? lead
        : `${lead}: ${truncate(zoomText(reason), INBOX_PREVIEW_MAX_CHARS)}`,
    blocks,
  };
};
