import { describe, expect, it } from 'vitest';
import { createAuditTrail } from '../../src/core/audit-trail.js';
import { pseudonymOf } from '../../src/keys/app-keys.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/types.js';
import { TEST_PSEUDONYM_KEY } from '../helpers/app-keys.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createCapturingLogger } from '../store/logger.js';

const entry = {
  actorSlackUserId: 'U0ADMIN01',
  subjectSlackUserId: 'U0ALICE01',
  subjectZoomUser: 'Alice@Example.com',
  action: 'list',
  filters: { type: 'user', phone: '14155550100', size: 10 },
  resultCount: 4,
  allowed: true,
};

describe('createAuditTrail', () => {
  it('stores the entry, stamped by the clock, and logs it without emails or phone numbers', async () => {
    const clock = createFakeClock('2026-11-26T12:00:00Z');
    const store = createMemoryStore({ clock });
    const { logger, lines } = createCapturingLogger();
    await createAuditTrail({ store, logger, clock, pseudonymKey: TEST_PSEUDONYM_KEY }).record(
      entry,
    );
    expect(await store.listAudit({ limit: 1 })).toMatchObject([
      { ...entry, at: '2026-11-26T12:00:00.000Z' },
    ]);
    expect(lines).toMatchObject([
      {
        level: 30,
        msg: 'audit',
        audit: {
          at: '2026-11-26T12:00:00.000Z',
          action: 'list',
          actor: 'U0ADMIN01',
          subject: 'U0ALICE01',
          zoomUserHash: pseudonymOf(TEST_PSEUDONYM_KEY, 'alice@example.com'),
          zoomUserDomain: 'example.com',
          filters: { type: 'user', phone: '[set]', size: 10 },
          resultCount: 4,
          allowed: true,
        },
      },
    ]);
    const logged = JSON.stringify(lines);
    expect(logged).not.toMatch(/alice@/i);
    expect(logged).not.toContain('14155550100');
  });

  it('logs an error and does not throw when the store refuses the entry', async () => {
    const clock = createFakeClock();
    const failing = {
      ...createMemoryStore({ clock }),
      appendAudit: async () => {
        throw new Error('disk full');
      },
    } satisfies Store;
    const { logger, lines } = createCapturingLogger();
    await createAuditTrail({
      store: failing,
      logger,
      clock,
      pseudonymKey: TEST_PSEUDONYM_KEY,
    }).record(entry);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [30, 'audit'],
      [50, 'audit entry could not be stored'],
    ]);
    expect(lines[1]).toMatchObject({ err: { message: 'disk full' }, audit: { action: 'list' } });
  });
});

describe('pseudonymOf', () => {
  it('gives the same short pseudonym whatever the case of the email', () => {
    const key = TEST_PSEUDONYM_KEY;
    expect(pseudonymOf(key, 'Carol@Example.com')).toBe(pseudonymOf(key, 'carol@example.com'));
    expect(pseudonymOf(key, 'carol@example.com')).toMatch(/^[0-9a-f]{16}$/);
    expect(pseudonymOf(key, 'dave@example.com')).not.toBe(pseudonymOf(key, 'carol@example.com'));
  });
});
