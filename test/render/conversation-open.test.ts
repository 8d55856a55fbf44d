import { describe, expect, it } from 'vitest';
import type { SmsSession } from '../../src/domain/sms.js';
import { decodeConversationCursor, openingCursor } from '../../src/query/conversation-cursor.js';
import type { PageCursor } from '../../src/query/cursor.js';
import { decodeCursor } from '../../src/query/cursor-wire.js';
import { OPEN_PICKER_TEXT } from '../../src/render/conversation-open.js';
import { renderSessionsPage } from '../../src/render/sessions-page.js';
import type { RenderContext, SessionsPageModel } from '../../src/render/types.js';
import {
  OPEN_ACTION_ID_PATTERN,
  SESSION_ACTION_IDS,
  SESSION_BLOCK_IDS,
} from '../../src/surface/ids.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';
import { expectValidMessage, findButtons } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'UTC' };
const subject = { kind: 'zoom-user', zoomUser: 'carol@example.com' } as const;

const session = (i: number): SmsSession =>
  sessionFromZoom({
    session_id: `session${i}`,
    session_type: 'user',
    last_access_time: `2026-11-2${i % 5}T10:00:00Z`,
    participants: [{ display_name: `Person ${i}`, phone_number: '18108001001' }],
  });

const model = (pageSize: number, count: number): SessionsPageModel => {
  const cursor: PageCursor = {
    subject,
    query: {
      sessionType: 'user',
      filterType: 'last_message_time',
      from: '2026-10-27T12:00:00Z',
      to: '2026-11-26T12:00:00Z',
      pageSize,
    },
    token: '',
    trail: [],
    page: 1,
  };
  return {
    subject: { zoomUser: 'carol@example.com', isSelf: false, resolvedBy: 'zoom-target' },
    cursor,
    page: { sessions: Array.from({ length: count }, (_, i) => session(i)), nextPageToken: 'n' },
    notes: [],
  };
};

describe('renderSessionsPage: Open', () => {
  it('puts an Open button beside each session of a detailed page, each opening that session', () => {
    const message = renderSessionsPage(model(10, 10), ctx);
    expectValidMessage(message);
    const opens = findButtons(message).filter((b) => OPEN_ACTION_ID_PATTERN.test(b.actionId ?? ''));
    expect(opens).toHaveLength(10);
    expect(new Set(opens.map((b) => b.actionId)).size).toBe(10);
    expect(decodeConversationCursor(opens[3]?.value ?? '')).toEqual(
      openingCursor('session3', subject, '2026-11-23T10:00:00Z', ctx.now),
    );
  });

  it('offers one "Open a conversation…" for a packed page, carrying the page', () => {
    const page = model(100, 100);
    const message = renderSessionsPage(page, ctx);
    expectValidMessage(message);
    const buttons = findButtons(message);
    expect(buttons.some((b) => OPEN_ACTION_ID_PATTERN.test(b.actionId ?? ''))).toBe(false);
    const picker = buttons.find((b) => b.actionId === SESSION_ACTION_IDS.openPicker);
    expect(picker).toMatchObject({
      text: OPEN_PICKER_TEXT,
      blockId: SESSION_BLOCK_IDS.listActions,
    });
    expect(decodeCursor(picker?.value ?? '')).toEqual(page.cursor);
  });

  it('offers nothing to open on an empty page', () => {
    const message = renderSessionsPage(model(10, 0), ctx);
    expect(findButtons(message).map((b) => b.actionId)).not.toContainEqual(
      expect.stringMatching(/^sms_sessions\.open/),
    );
  });
});
