import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../src/errors.js';
import {
  decodeConversationCursor,
  newestCursor,
  olderCursor,
  openingCursor,
} from '../../src/query/conversation-cursor.js';
import {
  renderConversationError,
  SESSION_DETAILS_SCOPE,
} from '../../src/render/conversation-error.js';
import type { RenderContext } from '../../src/render/types.js';
import { SESSION_ACTION_IDS } from '../../src/surface/ids.js';
import { expectValidModal, findButtons, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'UTC' };
const first = openingCursor(
  'abc123',
  { kind: 'slack-user', slackUserId: 'U0ALEX001' },
  '2026-11-26T11:00:00Z',
  ctx.now,
);
const third = olderCursor(olderCursor(first, 't2'), 't3');

const snapshot = (name: string, view: unknown) =>
  expect(JSON.stringify(view, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

describe('renderConversationError', () => {
  it('names the session-details scope for the admin when Zoom lacks it', async () => {
    const error = new AppError('ZOOM_MISSING_SCOPES', 'no', {
      detail: { zoomCode: 4711, scopes: ['phone:read:admin', 'phone_sms:read:admin'] },
    });
    const viewer = { isAdmin: true, admins: ['U0ADMIN01'], workspaceAdmins: false };
    const view = renderConversationError(error, { ...ctx, viewer }, first);
    expectValidModal(view);
    await snapshot('conversation-error-missing-scopes', view);
    const text = visibleText(view);
    expect(SESSION_DETAILS_SCOPE).toBe('phone:read:sms_session:admin');
    expect(text).toContain('phone:read:sms_session:admin');
    expect(text).toContain('Zoom named phone:read:admin, phone_sms:read:admin');
    expect(findButtons(view)).toEqual([]);

    const member = renderConversationError(error, {
      ...ctx,
      viewer: { ...viewer, isAdmin: false },
    });
    expect(visibleText(member)).toContain('Tell @U0ADMIN01.');
    expect(visibleText(member)).not.toContain('phone:read');
  });

  it('offers the newest messages after an expired page link', () => {
    const view = renderConversationError(new AppError('PAGE_EXPIRED', 'old'), ctx, third);
    expectValidModal(view);
    const buttons = findButtons(view);
    expect(buttons.map((b) => b.actionId)).toEqual([SESSION_ACTION_IDS.conversationNewest]);
    expect(decodeConversationCursor(buttons[0]?.value ?? '')).toEqual(newestCursor(third));
  });

  it('offers to try the same page again after a failure that may pass', () => {
    const view = renderConversationError(new AppError('ZOOM_UNAVAILABLE', 'down'), ctx, third);
    const buttons = findButtons(view);
    expect(buttons.map((b) => b.actionId)).toEqual([
      SESSION_ACTION_IDS.conversationNewest,
      SESSION_ACTION_IDS.conversationRetry,
    ]);
    expect(decodeConversationCursor(buttons[1]?.value ?? '')).toEqual(third);
  });

  it.each<ErrorCode>(['FORBIDDEN', 'BAD_BUTTON', 'NOT_LINKED'])(
    'explains %s as everywhere else, with nothing to press',
    async (code) => {
      const view = renderConversationError(new AppError(code, 'no'), ctx, first);
      expectValidModal(view);
      expect(findButtons(view)).toEqual([]);
      expect(visibleText(view)).not.toBe('');
    },
  );

  it('refuses without a cursor, when the value could not be read', async () => {
    const view = renderConversationError(new AppError('BAD_BUTTON', 'edited'), ctx);
    expectValidModal(view);
    await snapshot('conversation-error-bad-button', view);
    expect(visibleText(view)).toMatch(/old or altered/);
  });
});
