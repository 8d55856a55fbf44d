import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxRoute } from '../../src/domain/inbox.js';
import type { Store } from '../../src/store/types.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';
import type { StoreFactory } from './contract.js';
import { silentLogger } from './logger.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const route = (overrides: Partial<InboxRoute> = {}): InboxRoute => ({
  lineId: 'CQ1',
  lineKind: 'call_queue',
  lineName: 'Support',
  channelId: 'C0SUPPORT',
  reply: { kind: 'people', slackUserIds: ['U0ALICE'] },
  createdBy: 'U0ADMIN',
  createdAt: '2026-11-26T12:00:00.000Z',
  ...overrides,
});

/**
 * The inbox half of the {@link Store} contract (dedupe claims, routes, threads, notification
 * choices, reverse links, the work queue), run against every adapter from the store contract.
 */
export const describeInboxContract = (name: string, factory: StoreFactory): void => {
  describe(`${name} (inbox contract)`, () => {
    let clock: FakeClock;
    let store: Store;

    beforeEach(async () => {
      clock = createFakeClock('2026-11-26T12:00:00Z');
      store = await factory({ clock, logger: silentLogger });
    });

    afterEach(async () => {
      await store.close();
    });

    describe('claimOnce', () => {
      it('is true for the first caller only while the claim lasts', async () => {
        const results = await Promise.all(
          [1, 2, 3].map(() => store.claimOnce('zoom-message:m1', DAY_MS, clock.now())),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.claimOnce('zoom-message:m2', DAY_MS, clock.now())).toBe(true);
      });

      it('is true again once released', async () => {
        await store.claimOnce('k', DAY_MS, clock.now());
        await store.releaseClaim('k');
        expect(await store.claimOnce('k', DAY_MS, clock.now())).toBe(true);
      });

      it('refuses a ttl that is not a positive number', async () => {
        await expect(store.claimOnce('k', 0, clock.now())).rejects.toThrow(RangeError);
      });
    });

    describe('routes', () => {
      it('keeps, lists by name, and deletes routes', async () => {
        await store.putRoute(route());
        await store.putRoute(
          route({
            lineId: 'AR1',
            lineKind: 'auto_receptionist',
            lineName: 'Main line',
            reply: { kind: 'nobody' },
          }),
        );
        expect(await store.getRoute('CQ1')).toStrictEqual(route());
        expect((await store.listRoutes()).map((r) => r.lineId)).toStrictEqual(['AR1', 'CQ1']);
        const failed = route({
          lastError: { code: 'is_archived', at: '2026-11-26T13:00:00.000Z' },
        });
        await store.putRoute(failed);
        expect(await store.getRoute('CQ1')).toStrictEqual(failed);
        expect(await store.deleteRoute('CQ1')).toBe(true);
        expect(await store.deleteRoute('CQ1')).toBe(false);
        expect(await store.getRoute('CQ1')).toBeUndefined();
      });
    });

    describe('threads', () => {
      it('keeps one thread per session and channel', async () => {
        const thread = { sessionId: 's1', channelId: 'D1', threadTs: '1.1', ownerZoomUserId: 'z1' };
        await store.putThread(thread);
        await store.putThread({ sessionId: 's1', channelId: 'C2', threadTs: '2.2', lineId: 'CQ1' });
        expect(await store.getThread('s1', 'D1')).toStrictEqual(thread);
        expect((await store.getThread('s1', 'C2'))?.threadTs).toBe('2.2');
        expect(await store.getThread('s2', 'D1')).toBeUndefined();
      });
    });

    describe('notify', () => {
      it('is undefined until a person chooses, then their choice', async () => {
        expect(await store.getNotify('U0ALICE')).toBeUndefined();
        await store.setNotify('U0ALICE', true);
        expect(await store.getNotify('U0ALICE')).toBe(true);
        await store.setNotify('U0ALICE', false);
        expect(await store.getNotify('U0ALICE')).toBe(false);
      });
    });

    describe('findLinkByZoomUser', () => {
      it('finds the link naming a Zoom user, in any case, and forgets it when removed', async () => {
        const link = {
          slackUserId: 'U0ALICE',
          zoomUser: 'Alice@Example.com',
          setBy: 'U0ADMIN',
          setAt: '2026-11-26T12:00:00.000Z',
        };
        await store.setLink(link);
        expect(await store.findLinkByZoomUser('alice@example.com')).toStrictEqual(link);
        await store.setLink({ ...link, zoomUser: 'zoom-id-1' });
        expect(await store.findLinkByZoomUser('alice@example.com')).toBeUndefined();
        expect((await store.findLinkByZoomUser('ZOOM-ID-1'))?.slackUserId).toBe('U0ALICE');
        await store.deleteLink('U0ALICE');
        expect(await store.findLinkByZoomUser('zoom-id-1')).toBeUndefined();
      });
    });

    describe('work queue', () => {
      it('runs one lane in order, one job at a time, and lanes side by side', async () => {
        await store.enqueueJob('a', { n: 1, list: [] });
        await store.enqueueJob('a', { n: 2 });
        await store.enqueueJob('b', { n: 3 });
        const first = await store.leaseJob(1000);
        expect(first).toMatchObject({ lane: 'a', payload: { n: 1, list: [] }, attempts: 0 });
        const second = await store.leaseJob(1000);
        expect(second).toMatchObject({ lane: 'b', payload: { n: 3 } });
        expect(await store.leaseJob(1000)).toBeUndefined();
        if (first === undefined) throw new Error('leased');
        expect(await store.completeJob(first, clock.now())).toBe(true);
        expect(await store.leaseJob(1000, 'a')).toMatchObject({ payload: { n: 2 } });
        expect(await store.countJobs()).toBe(2);
      });

      it('pauses a lane until the time its last job set', async () => {
        await store.enqueueJob('a', { n: 1 });
        await store.enqueueJob('a', { n: 2 });
        const first = await store.leaseJob(1000);
        if (first === undefined) throw new Error('leased');
        await store.completeJob(first, new Date(clock.now().getTime() + 500));
        expect(await store.leaseJob(1000)).toBeUndefined();
        clock.advance(500);
        expect(await store.leaseJob(1000)).toMatchObject({ payload: { n: 2 } });
      });

      it('keeps a pause for a job queued after the lane emptied', async () => {
        await store.enqueueJob('a', { n: 1 });
        const first = await store.leaseJob(1000);
        if (first === undefined) throw new Error('leased');
        await store.completeJob(first, new Date(clock.now().getTime() + 500));
        await store.enqueueJob('a', { n: 2 });
        expect(await store.leaseJob(1000)).toBeUndefined();
        clock.advance(500);
        expect(await store.leaseJob(1000)).toMatchObject({ payload: { n: 2 } });
      });

      it('gives a job back after a retry, with the attempt counted', async () => {
        await store.enqueueJob('a', { n: 1 });
        await store.enqueueJob('a', { n: 2 });
        const first = await store.leaseJob(1000);
        if (first === undefined) throw new Error('leased');
        expect(await store.retryJob(first, new Date(clock.now().getTime() + 2000))).toBe(true);
        clock.advance(1999);
        expect(await store.leaseJob(1000)).toBeUndefined();
        clock.advance(1);
        expect(await store.leaseJob(1000)).toMatchObject({ payload: { n: 1 }, attempts: 1 });
      });

      it('hands an expired lease to another worker and refuses the old one', async () => {
        await store.enqueueJob('a', { n: 1 });
        const lost = await store.leaseJob(1000);
        if (lost === undefined) throw new Error('leased');
        clock.advance(1000);
        const taken = await store.leaseJob(1000);
        expect(taken).toMatchObject({ id: lost.id });
        expect(await store.completeJob(lost, clock.now())).toBe(false);
        expect(await store.retryJob(lost, clock.now())).toBe(false);
        if (taken === undefined) throw new Error('leased');
        expect(await store.completeJob(taken, clock.now())).toBe(true);
        expect(await store.countJobs()).toBe(0);
      });

      it('leases each job once when workers race', async () => {
        for (let n = 0; n < 5; n += 1) await store.enqueueJob(`lane-${n}`, { n });
        const leased = await Promise.all(Array.from({ length: 10 }, () => store.leaseJob(10_000)));
        const ids = leased.flatMap((job) => (job === undefined ? [] : [job.id]));
        expect(ids).toHaveLength(5);
        expect(new Set(ids).size).toBe(5);
      });
    });
  });
};
