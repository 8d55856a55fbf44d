import { describe, expect, it } from 'vitest';
import type { PageCursor } from '../../src/query/cursor.js';
import { decodeCursor } from '../../src/query/cursor-wire.js';
import { OPEN_PICKER_TEXT } from '../../src/render/conversation-open.js';
import { EXPORT_BUTTON_TEXT, exportButton } from '../../src/render/export-button.js';
import { LIST_ACTIONS_MAX_CHARS } from '../../src/render/limits.js';
import { renderSessionsPage } from '../../src/render/sessions-page.js';
import { SHARE_BUTTON_TEXT, shareButton } from '../../src/render/share-button.js';
import type { RenderContext, SessionsPageModel } from '../../src/render/types.js';
import { SESSION_ACTION_IDS, SESSION_BLOCK_IDS } from '../../src/surface/ids.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';
import { blockTextLength, expectValidMessage, findButtons } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'UTC' };

const cursor: PageCursor = {
  subject: { kind: 'slack-user', slackUserId: 'U0ALEX001' },
  query: {
    sessionType: 'user',
    filterType: 'last_message_time',
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    pageSize: 10,
  },
  token: 'tok-2',
  trail: [''],
  page: 2,
};

const model: SessionsPageModel = {
  subject: { slackUserId: 'U0ALEX001', zoomUser: 'alex@example.com', isSelf: true },
  cursor,
  page: {
    sessions: [sessionFromZoom({ session_id: 's1', participants: [{ display_name: 'Dana' }] })],
    nextPageToken: '',
  },
  notes: [],
};

const listActions = (options: Parameters<typeof renderSessionsPage>[2]) => {
  const message = renderSessionsPage(model, ctx, options);
  expectValidMessage(message);
  return findButtons(message).filter((b) => b.blockId === SESSION_BLOCK_IDS.listActions);
};

describe('shareButton', () => {
  it('asks for confirmation, saying whether numbers will be masked', () => {
    expect(shareButton(cursor, true).confirm).toMatchObject({
      title: { text: 'Share to this channel?' },
      text: { text: expect.stringContaining('partly hidden') },
      confirm: { text: 'Share' },
      deny: { text: 'Cancel' },
    });
    expect(shareButton(cursor, false).confirm?.text.text).toContain('shown in full');
  });

  it('keeps every listing action and the dialog within their share of the message', () => {
    const all = {
      blocks: [
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: OPEN_PICKER_TEXT } },
            exportButton(cursor),
            shareButton(cursor, true),
          ],
        },
      ],
    };
    expect(blockTextLength(all)).toBeLessThanOrEqual(LIST_ACTIONS_MAX_CHARS);
    expect(
      blockTextLength({ blocks: [{ ...all.blocks[0], elements: [shareButton(cursor, false)] }] }),
    ).toBeLessThanOrEqual(LIST_ACTIONS_MAX_CHARS);
  });
});

describe('renderSessionsPage: Export CSV and Share to channel', () => {
  it('offers Share only when sharing is on, each carrying the page shown', () => {
    const on = listActions({ share: { maskNumbers: true } });
    expect(on.map((b) => [b.text, b.actionId])).toEqual([
      [EXPORT_BUTTON_TEXT, SESSION_ACTION_IDS.exportCsv],
      [SHARE_BUTTON_TEXT, SESSION_ACTION_IDS.share],
    ]);
    for (const button of on) expect(decodeCursor(button.value ?? '')).toEqual(cursor);
    expect(listActions({}).map((b) => b.actionId)).toEqual([SESSION_ACTION_IDS.exportCsv]);
    expect(listActions(undefined).map((b) => b.actionId)).toEqual([SESSION_ACTION_IDS.exportCsv]);
  });
});
