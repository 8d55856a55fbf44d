import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { SmsSession } from '../domain/sms.js';
import { OPTION_VALUE_MAX_CHARS } from '../query/conversation-cursor.js';
import { formatPhoneNumber } from '../query/phone.js';
import { dayjs, safeTimeZone } from '../query/time-zone.js';
import { SESSION_ACTION_IDS, SESSION_BLOCK_IDS } from '../surface/ids.js';
import { conversationModal } from './conversation-modal.js';
import { openValue } from './conversation-open.js';
import { truncate } from './escape.js';
import { subjectName } from './identity-subject.js';
import type { RenderContext, SessionsPageModel } from './types.js';

/** Characters of an option's text. https://docs.slack.dev/reference/block-kit/composition-objects/option-object */
export const OPTION_TEXT_MAX_CHARS = 75;

/** Options in one static select. https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element */
export const SELECT_MAX_OPTIONS = 100;

const SEPARATOR = ' · ';

/** The picker's own title, so Slack's Back from a conversation pushed over it reads right. */
const PICKER_TITLE = 'Open a conversation';

const others = (session: SmsSession) => {
  const all = session.participants;
  const outside = all.filter((p) => !p.isOwner);
  return outside.length > 0 ? outside : all;
};

const optionText = (session: SmsSession, ctx: RenderContext): string => {
  const names = others(session)
    .map((p) => p.name?.trim() || formatPhoneNumber(p.phoneNumber?.trim() ?? '') || '?')
    .join(', ');
  const at = session.lastActivityAt;
  const when =
    at === undefined || !dayjs.utc(at).isValid()
      ? ''
      : `${SEPARATOR}${dayjs.utc(at).tz(safeTimeZone(ctx.timeZone)).format('MMM D h:mm A')}`;
  return `${truncate(names || 'Unknown participant', OPTION_TEXT_MAX_CHARS - when.length)}${when}`;
};

/**
 * The modal "Open a conversation…" opens for a packed listing: the page's sessions in one select
 * (their other participants as plain text and last activity in the viewer's zone, Zoom's order),
 * each option's value the conversation cursor that opens it; picking one pushes that conversation
 * over the picker (`views.push`), so Slack's own Back returns to it. Sessions Zoom gave no id, or whose cursor cannot fit an option's 150
 * characters, are left out. Pure. https://docs.slack.dev/reference/views/modal-views
 */
export const renderConversationPicker = (
  model: SessionsPageModel,
  ctx: RenderContext,
): ModalView => {
  const options: PlainTextOption[] = [];
  for (const session of model.page.sessions.slice(0, SELECT_MAX_OPTIONS)) {
    const value = openValue(session, model.cursor.subject, ctx.now, OPTION_VALUE_MAX_CHARS);
    if (value === undefined) continue;
    options.push({ text: { type: 'plain_text', text: optionText(session, ctx) }, value });
  }
  const intro = `Conversations of ${subjectName(model.subject)}, page ${model.cursor.page}.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: intro } }];
  if (options.length === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: 'None of the conversations on this page can be opened.' },
    });
  } else {
    blocks.push({
      type: 'actions',
      block_id: SESSION_BLOCK_IDS.openPicker,
      elements: [
        {
          type: 'static_select',
          action_id: SESSION_ACTION_IDS.openPicked,
          placeholder: { type: 'plain_text', text: 'Pick a conversation' },
          options,
        },
      ],
    });
  }
  return conversationModal(blocks, PICKER_TITLE);
};
