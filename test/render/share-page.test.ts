import { describe, expect, it } from 'vitest';
import type { SharedPageModel } from '../../src/core/share.js';
import type { SmsSession } from '../../src/domain/sms.js';
import type { PageCursor } from '../../src/query/cursor.js';
import { renderSharedPage } from '../../src/render/share-page.js';
import { renderShareReceipt } from '../../src/render/share-receipt.js';
import type { RenderContext } from '../../src/render/types.js';
import { sessionFromZoom } from '../../src/zoom/to-domain.js';
import { expectValidMessage, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/New_York' };

const cursor = (pageSize: number): PageCursor => ({
  subject: { kind: 'slack-user', slackUserId: 'U0ALEX001' },
  query: {
    sessionType: 'all',
    filterType: 'last_message_time',
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    phoneNumber: '18108001001',
    pageSize,
  },
  token: 'tok-2',
  trail: [''],
  page: 2,
});

const session = (i: number): SmsSession =>
  sessionFromZoom({
    session_id: `s${i}`,
    session_type: i % 2 === 0 ? 'user' : 'call_queue',
    last_access_time: '2026-11-26T10:00:00Z',
    participants: [
      { display_name: 'Alex', phone_number: '14155550100', is_session_owner: true },
      { display_name: `Dana <${i}> & Co`, phone_number: '18108001001', is_session_owner: false },
      { phone_number: '442079460958', is_session_owner: false },
    ],
  });

const model = (count: number, maskNumbers: boolean, pageSize = 10): SharedPageModel => ({
  page: {
    subject: { slackUserId: 'U0ALEX001', zoomUser: 'alex@example.com', isSelf: false },
    cursor: cursor(pageSize),
    page: { sessions: Array.from({ length: count }, (_, i) => session(i)), nextPageToken: 'n' },
    notes: [],
  },
  sharedBy: 'U0SHARER1',
  maskNumbers,
});

const snapshot = (name: string, message: unknown) =>
  expect(JSON.stringify(message, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

describe('renderSharedPage', () => {
  it('says who shared it, masks every number and carries no buttons', async () => {
    const message = renderSharedPage(model(3, true), ctx);
    expectValidMessage(message);
    await snapshot('share-masked', message);
    const text = visibleText(message);
    expect(message.text).toBe('<@U0SHARER1> shared 3 SMS conversations of <@U0ALEX001>');
    expect(text).toContain("@U0ALEX001's SMS conversations, shared by @U0SHARER1");
    expect(text).toMatch(/Dana <0> & Co · \+1\s810\s••••\s1001 · \+1 other/);
    expect(text).toContain('with +1 810 •••• 1001');
    expect(JSON.stringify(message)).not.toMatch(/800[ -]?1001|18108001001|7946/);
    expect(JSON.stringify(message)).not.toContain('alex@example.com');
    expect(findButtons(message)).toEqual([]);
    expect(message.blocks.some((b) => b.type === 'actions' || 'accessory' in b)).toBe(false);
  });

  it.each([true, false])(
    'is written in the third person, its times as date tokens, when the sharer shares their own (masked: %s)',
    async (maskNumbers) => {
      const own = model(4, maskNumbers);
      const message = renderSharedPage(
        {
          ...own,
          page: {
            ...own.page,
            subject: { ...own.page.subject, isSelf: true },
            cursor: {
              ...own.page.cursor,
              query: { ...own.page.cursor.query, sessionType: 'user' },
            },
          },
          sharedBy: 'U0ALEX001',
        },
        ctx,
      );
      expectValidMessage(message);
      if (maskNumbers) await snapshot('share-own-page', message);
      const text = `${message.text}\n${visibleText(message)}`;
      expect(text).not.toMatch(/\b(you|your|yours|yourself)\b/i);
      expect(text).toContain("@U0ALEX001's SMS conversations, shared by @U0ALEX001");
      expect(text).toContain("@U0ALEX001's number");
      const raw = JSON.stringify(message.blocks);
      expect(text).toContain('Past 30 days');
      expect(raw).toMatch(/<!date\^\d+\^\{ago\}\|Nov 26, 5:00 AM>/);
      expect(raw).not.toMatch(/EST|EDT/);
    },
  );

  it('shows numbers in full when masking is off', async () => {
    const message = renderSharedPage(model(1, false), ctx);
    expectValidMessage(message);
    await snapshot('share-unmasked', message);
    expect(visibleText(message)).toContain('Dana <0> & Co · +1\u00a0810\u00a0800\u00a01001');
    expect(visibleText(message)).not.toContain('partly hidden');
  });

  it('stays inside a message’s limits for 100 sessions, still without buttons', () => {
    const message = renderSharedPage(model(100, true, 100), ctx);
    expectValidMessage(message);
    expect(findButtons(message)).toEqual([]);
    expect(visibleText(message).match(/Dana </g)).toHaveLength(100);
  });
});

describe('renderShareReceipt', () => {
  it('links the channel for the sharer', () => {
    const receipt = renderShareReceipt('C0GENERAL');
    expectValidMessage(receipt);
    expect(receipt.text).toContain('<#C0GENERAL>');
    expect(renderShareReceipt('<!channel>').text).not.toContain('<!channel>');
  });
});
