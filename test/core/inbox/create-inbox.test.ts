import { describe, expect, it } from 'vitest';
import { createAuditTrail } from '../../../src/core/audit-trail.js';
import { createInbox } from '../../../src/core/inbox/create-inbox.js';
import { DELIVERY_MAX_ATTEMPTS } from '../../../src/core/inbox/deliver.js';
import { RETRY_MAX_MS } from '../../../src/core/inbox/worker.js';
import { AppError } from '../../../src/errors.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { TEST_PSEUDONYM_KEY } from '../../helpers/app-keys.js';
import { createFakeClock } from '../../helpers/fake-clock.js';
import { createCapturingLogger } from '../../store/logger.js';

describe('createInbox', () => {
  it('gives up an event Zoom keeps failing to route, logs it once, and frees its session', async () => {
    const clock = createFakeClock('2026-12-06T12:00:00Z');
    const store = createMemoryStore({ clock });
    const { logger, lines } = createCapturingLogger();
    let calls = 0;
    const inbox = createInbox({
      store,
      zoom: {
        getUser: async () => {
          calls += 1;
          throw new AppError('ZOOM_UNAVAILABLE', 'Zoom is down');
        },
        getSmsSessionDetails: async () => ({ messages: [], nextPageToken: '' }),
      },
      slack: {
        postMessage: async () => ({ channel: 'D1', ts: '1.1' }),
        openDirectMessage: async () => 'D1',
        lookupByEmail: async () => 'U1',
        checkChannel: async () => ({ ok: true, isPrivate: false }),
      },
      audit: createAuditTrail({ store, logger, clock, pseudonymKey: TEST_PSEUDONYM_KEY }),
      activity: { record: async () => undefined },
      clock,
      logger,
      settings: {
        notifyDefault: true,
        showText: true,
        maskNumbersInChannels: true,
        channelPostsPerSecond: 1,
      },
    });
    const event = {
      kind: 'received' as const,
      accountId: 'a',
      owner: { kind: 'user' as const, zoomUserId: 'z1' },
      message: {
        id: 'm1',
        sessionId: 's1',
        direction: 'in' as const,
        text: 'secret words',
        status: 'received' as const,
        isGroup: false,
        recipients: [],
        attachments: [],
      },
    };
    expect(await inbox.intake.accept(event)).toBe('queued');
    expect(await inbox.intake.accept(event)).toBe('duplicate');
    for (let attempt = 0; attempt < DELIVERY_MAX_ATTEMPTS + 2; attempt += 1) {
      await inbox.worker.drain();
      clock.advance(RETRY_MAX_MS);
    }
    expect(calls).toBe(DELIVERY_MAX_ATTEMPTS);
    expect(await store.countJobs()).toBe(0);
    const text = lines.map((line) => JSON.stringify(line));
    const givenUp = text.filter((line) => line.includes('given up'));
    expect(givenUp).toHaveLength(1);
    expect(text.join('\n')).not.toContain('secret words');
    await inbox.worker.stop();
  });
});
