import { describe, expect, it } from 'vitest';
import type { SessionsPageResult } from '../../src/core/listing-page.js';
import { pageBeforeNext } from '../../src/core/page-before.js';
import type { SessionsCore } from '../../src/core/sessions.js';
import { nextCursor, type PageCursor } from '../../src/query/cursor.js';

const ctx = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'UTC' };

const first: PageCursor = {
  subject: { kind: 'slack-user', slackUserId: 'U0ALICE01' },
  query: {
    sessionType: 'all',
    filterType: 'last_message_time',
    from: '2026-10-27T12:00:00Z',
    to: '2026-11-26T12:00:00Z',
    pageSize: 10,
  },
  token: '',
  trail: [],
  page: 1,
};

/** A core that shows any page again with Zoom's `nextPageToken` for it, recording what it was asked. */
const coreAnswering = (nextPageToken: string) => {
  const asked: PageCursor[] = [];
  const core: Pick<SessionsCore, 'reshow'> = {
    reshow: async (_actor, cursor): Promise<SessionsPageResult> => {
      asked.push(cursor);
      return {
        model: {
          subject: { zoomUser: 'alice@example.com', isSelf: true },
          cursor,
          page: { sessions: [], nextPageToken },
          notes: [],
        },
        ctx,
      };
    },
  };
  return { core, asked };
};

describe('pageBeforeNext', () => {
  it('shows again the page whose Next failed, found from the Next cursor itself', async () => {
    const second = nextCursor(first, 'token-2');
    const third = nextCursor(second, 'token-3');
    const { core, asked } = coreAnswering('token-3-again');
    const kept = await pageBeforeNext(core, 'U0ALICE01', third);
    expect(asked).toEqual([second]);
    expect(kept?.model.cursor).toEqual(second);
  });

  it('gives up when the Next cursor does not reach back', async () => {
    const { core, asked } = coreAnswering('token-10');
    const cut: PageCursor = { ...first, token: 'token-9', trail: [], page: 9 };
    expect(await pageBeforeNext(core, 'U0ALICE01', cut)).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('gives up when the page shown again no longer leads to the failed one', async () => {
    const { core } = coreAnswering('');
    expect(await pageBeforeNext(core, 'U0ALICE01', nextCursor(first, 'token-2'))).toBeUndefined();
  });
});
