import { describe, expect, it, vi } from 'vitest';
import type { SharedPageModel } from '../../src/core/share.js';
import { AppError } from '../../src/errors.js';
import type { PageCursor } from '../../src/query/cursor.js';
import { ALICE, BOB, chatOf, createFeatures } from './features-harness.js';

const sessions = Array.from({ length: 3 }, (_, i) => chatOf(ALICE, i + 1));

const cursor: PageCursor = {
  subject: { kind: 'slack-user', slackUserId: ALICE },
  query: {
    sessionType: 'user',
    filterType: 'last_message_time',
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    pageSize: 10,
  },
  token: '',
  trail: [],
  page: 1,
};

describe('createShareCore: share', () => {
  it('hands the page to post, numbers to be masked, and records the channel', async () => {
    const f = createFeatures(sessions);
    const posted: SharedPageModel[] = [];
    await f.sharing.share(ALICE, cursor, 'C0SHARE01', async (model) => {
      posted.push(model);
    });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ sharedBy: ALICE, maskNumbers: true });
    expect(posted[0]?.page.page.sessions).toHaveLength(3);
    expect(posted[0]?.page.notes).toEqual([]);
    expect(await f.audit()).toEqual([
      expect.objectContaining({
        action: 'share',
        allowed: true,
        resultCount: 3,
        filters: expect.objectContaining({ channel: 'C0SHARE01', page: 1 }),
      }),
    ]);
  });

  it('refuses when sharing is off, before Zoom, and records the refusal', async () => {
    const f = createFeatures(sessions, { share: { enabled: false, maskNumbers: true } });
    const post = vi.fn(async () => {});
    await expect(f.sharing.share(ALICE, cursor, 'C0SHARE01', post)).rejects.toMatchObject({
      code: 'SHARE_DISABLED',
    });
    expect(post).not.toHaveBeenCalled();
    expect(f.zoom.calls).toEqual([]);
    expect(await f.audit()).toEqual([
      expect.objectContaining({ action: 'share', allowed: false, reason: 'SHARE_DISABLED' }),
    ]);
  });

  it('refuses a member sharing someone else’s page without asking Zoom', async () => {
    const f = createFeatures(sessions);
    const post = vi.fn(async () => {});
    await expect(f.sharing.share(BOB, cursor, 'C0SHARE01', post)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(post).not.toHaveBeenCalled();
    expect(f.zoom.calls).toEqual([]);
  });

  it('records a post Slack refused', async () => {
    const f = createFeatures(sessions, { share: { enabled: true, maskNumbers: false } });
    await expect(
      f.sharing.share(ALICE, cursor, 'C0SHARE01', async (model) => {
        expect(model.maskNumbers).toBe(false);
        throw new AppError('SLACK_CANNOT_POST', 'not_in_channel');
      }),
    ).rejects.toMatchObject({ code: 'SLACK_CANNOT_POST' });
    expect(await f.audit()).toEqual([
      expect.objectContaining({ action: 'share', reason: 'SLACK_CANNOT_POST' }),
    ]);
  });
});
