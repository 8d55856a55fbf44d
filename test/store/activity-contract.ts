import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TextActivity, TextDirection } from '../../src/domain/inbox.js';
import type { Store } from '../../src/store/types.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';
import type { StoreFactory } from './contract.js';
import { silentLogger } from './logger.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const ALICE = 'zoom-alice';
const BOB = 'zoom-bob';

const at = (iso: string): string => new Date(iso).toISOString();

const text = (
  direction: TextDirection,
  sessionId: string,
  when: string,
  owner = ALICE,
): TextActivity => ({ ownerZoomUserId: owner, sessionId, direction, at: at(when) });

/**
 * The text-activity half of the {@link Store} contract (who is waiting for a reply: times only),
 * run against every adapter from the store contract.
 */
export const describeActivityContract = (name: string, factory: StoreFactory): void => {
  describe(`${name} (text activity contract)`, () => {
    let clock: FakeClock;
    let store: Store;
    const since = () => new Date(clock.now().getTime() - 14 * DAY_MS);

    beforeEach(async () => {
      clock = createFakeClock('2026-11-26T12:00:00Z');
      store = await factory({ clock, logger: silentLogger });
    });

    afterEach(async () => {
      await store.close();
    });

    it('keeps the newest inbound and outbound time of a conversation, never an older one', async () => {
      await store.recordTextActivity(text('in', 's1', '2026-11-26T10:00:00Z'));
      await store.recordTextActivity(text('in', 's1', '2026-11-26T09:00:00Z'));
      await store.recordTextActivity(text('out', 's1', '2026-11-26T08:00:00Z'));
      expect(await store.getTextActivity(ALICE, 's1')).toStrictEqual({
        ownerZoomUserId: ALICE,
        sessionId: 's1',
        lastInboundAt: '2026-11-26T10:00:00.000Z',
        lastOutboundAt: '2026-11-26T08:00:00.000Z',
      });
      expect(await store.getTextActivity(ALICE, 's2')).toBeUndefined();
      expect(await store.getTextActivity(BOB, 's1')).toBeUndefined();
    });

    it('lists the conversations waiting for a reply, newest first, per owner', async () => {
      await store.recordTextActivity(text('in', 's1', '2026-11-26T10:00:00Z'));
      await store.recordTextActivity(text('in', 's2', '2026-11-26T11:00:00Z'));
      await store.recordTextActivity(text('in', 's3', '2026-11-26T09:00:00Z'));
      await store.recordTextActivity(text('in', 'b1', '2026-11-26T11:30:00Z', BOB));
      await store.recordTextActivity(text('out', 's3', '2026-11-26T09:30:00Z'));
      await store.recordTextActivity(text('out', 'only-out', '2026-11-26T09:30:00Z'));
      const waiting = await store.listUnanswered(ALICE, since(), 10);
      expect(waiting.map((a) => a.sessionId)).toStrictEqual(['s2', 's1']);
      expect(waiting[0]).toStrictEqual({
        ownerZoomUserId: ALICE,
        sessionId: 's2',
        lastInboundAt: '2026-11-26T11:00:00.000Z',
      });
      expect((await store.listUnanswered(ALICE, since(), 1)).map((a) => a.sessionId)).toStrictEqual(
        ['s2'],
      );
      expect((await store.listUnanswered(BOB, since(), 10)).map((a) => a.sessionId)).toStrictEqual([
        'b1',
      ]);
    });

    it('clears a conversation once a text goes out after the one that came in, and lists it again on a newer one', async () => {
      await store.recordTextActivity(text('in', 's1', '2026-11-26T10:00:00Z'));
      await store.recordTextActivity(text('out', 's1', '2026-11-26T10:05:00Z'));
      expect(await store.listUnanswered(ALICE, since(), 10)).toStrictEqual([]);
      await store.recordTextActivity(text('in', 's1', '2026-11-26T10:10:00Z'));
      expect(
        (await store.listUnanswered(ALICE, since(), 10)).map((a) => a.sessionId),
      ).toStrictEqual(['s1']);
    });

    it('lists a conversation again when its newest text out failed, and keeps the failed time', async () => {
      await store.recordTextActivity(text('in', 's1', '2026-11-26T10:00:00Z'));
      await store.recordTextActivity(text('out', 's1', '2026-11-26T10:05:00Z'));
      expect(await store.listUnanswered(ALICE, since(), 10)).toStrictEqual([]);
      await store.recordTextActivity(text('failed-out', 's1', '2026-11-26T10:05:00Z'));
      const expected = {
        ownerZoomUserId: ALICE,
        sessionId: 's1',
        lastInboundAt: '2026-11-26T10:00:00.000Z',
        lastOutboundAt: '2026-11-26T10:05:00.000Z',
        lastFailedOutboundAt: '2026-11-26T10:05:00.000Z',
      };
      expect(await store.listUnanswered(ALICE, since(), 10)).toStrictEqual([expected]);
      expect(await store.getTextActivity(ALICE, 's1')).toStrictEqual(expected);
    });

    it('lists a conversation whose failure is told before or without its text out, whatever the order', async () => {
      await store.recordTextActivity(text('in', 'first', '2026-11-26T10:00:00Z'));
      await store.recordTextActivity(text('failed-out', 'first', '2026-11-26T10:05:00Z'));
      await store.recordTextActivity(text('out', 'first', '2026-11-26T10:05:00Z'));
      await store.recordTextActivity(text('in', 'only', '2026-11-26T09:00:00Z'));
      await store.recordTextActivity(text('out', 'only', '2026-11-26T09:01:00Z'));
      await store.recordTextActivity(text('failed-out', 'only', '2026-11-26T09:02:00Z'));
      expect(
        (await store.listUnanswered(ALICE, since(), 10)).map((a) => a.sessionId),
      ).toStrictEqual(['first', 'only']);
      expect(await store.getTextActivity(ALICE, 'only')).toMatchObject({
        lastOutboundAt: '2026-11-26T09:02:00.000Z',
        lastFailedOutboundAt: '2026-11-26T09:02:00.000Z',
      });
    });

    it('clears a failed reply again once a later text goes out, and a failure of an older text never re-opens it', async () => {
      await store.recordTextActivity(text('in', 's1', '2026-11-26T10:00:00Z'));
      await store.recordTextActivity(text('out', 's1', '2026-11-26T10:05:00Z'));
      await store.recordTextActivity(text('failed-out', 's1', '2026-11-26T10:05:00Z'));
      await store.recordTextActivity(text('out', 's1', '2026-11-26T10:10:00Z'));
      expect(await store.listUnanswered(ALICE, since(), 10)).toStrictEqual([]);
      await store.recordTextActivity(text('failed-out', 's1', '2026-11-26T10:05:00Z'));
      await store.recordTextActivity(text('failed-out', 's1', '2026-11-26T10:07:00Z'));
      expect(await store.listUnanswered(ALICE, since(), 10)).toStrictEqual([]);
      expect(await store.getTextActivity(ALICE, 's1')).toStrictEqual({
        ownerZoomUserId: ALICE,
        sessionId: 's1',
        lastInboundAt: '2026-11-26T10:00:00.000Z',
        lastOutboundAt: '2026-11-26T10:10:00.000Z',
        lastFailedOutboundAt: '2026-11-26T10:07:00.000Z',
      });
    });

    it('never moves a failed time back, and lists nothing for failures with no text in', async () => {
      await store.recordTextActivity(text('failed-out', 's1', '2026-11-26T10:05:00Z'));
      await store.recordTextActivity(text('failed-out', 's1', '2026-11-26T10:01:00Z'));
      expect(await store.getTextActivity(ALICE, 's1')).toStrictEqual({
        ownerZoomUserId: ALICE,
        sessionId: 's1',
        lastOutboundAt: '2026-11-26T10:05:00.000Z',
        lastFailedOutboundAt: '2026-11-26T10:05:00.000Z',
      });
      expect(await store.listUnanswered(ALICE, since(), 10)).toStrictEqual([]);
      expect(await store.getTextActivity(BOB, 's1')).toBeUndefined();
    });

    it('lists only what came in since the given instant', async () => {
      await store.recordTextActivity(text('in', 'old', '2026-11-01T10:00:00Z'));
      await store.recordTextActivity(text('in', 'new', '2026-11-25T10:00:00Z'));
      expect(
        (await store.listUnanswered(ALICE, since(), 10)).map((a) => a.sessionId),
      ).toStrictEqual(['new']);
    });

    it('forgets times older than the cutoff, for every owner', async () => {
      await store.recordTextActivity(text('in', 'old', '2026-11-01T10:00:00Z'));
      await store.recordTextActivity(text('in', 'new', '2026-11-25T10:00:00Z'));
      await store.recordTextActivity(text('in', 'mixed', '2026-11-01T10:00:00Z'));
      await store.recordTextActivity(text('out', 'mixed', '2026-11-25T10:00:00Z'));
      await store.recordTextActivity(text('in', 'bob-old', '2026-11-01T10:00:00Z', BOB));
      await store.pruneTextActivity(since());
      const everything = new Date(0);
      expect(
        (await store.listUnanswered(ALICE, everything, 10)).map((a) => a.sessionId),
      ).toStrictEqual(['new']);
      expect(await store.listUnanswered(BOB, everything, 10)).toStrictEqual([]);
      expect(await store.getTextActivity(ALICE, 'old')).toBeUndefined();
      expect(await store.getTextActivity(BOB, 'bob-old')).toBeUndefined();
      expect(await store.getTextActivity(ALICE, 'mixed')).toStrictEqual({
        ownerZoomUserId: ALICE,
        sessionId: 'mixed',
        lastOutboundAt: '2026-11-25T10:00:00.000Z',
      });
    });

    it('forgets failed times older than the cutoff as it does the others', async () => {
      await store.recordTextActivity(text('in', 'old', '2026-11-01T10:00:00Z'));
      await store.recordTextActivity(text('failed-out', 'old', '2026-11-01T10:05:00Z'));
      await store.recordTextActivity(text('failed-out', 'failed-only', '2026-11-01T10:05:00Z'));
      await store.recordTextActivity(text('in', 'stale', '2026-11-25T09:00:00Z'));
      await store.recordTextActivity(text('failed-out', 'stale', '2026-11-01T10:05:00Z'));
      await store.recordTextActivity(text('out', 'stale', '2026-11-25T10:00:00Z'));
      await store.recordTextActivity(text('in', 'recent', '2026-11-25T09:00:00Z'));
      await store.recordTextActivity(text('failed-out', 'recent', '2026-11-25T10:00:00Z'));
      await store.pruneTextActivity(since());
      expect(await store.getTextActivity(ALICE, 'old')).toBeUndefined();
      expect(await store.getTextActivity(ALICE, 'failed-only')).toBeUndefined();
      expect(await store.getTextActivity(ALICE, 'stale')).toStrictEqual({
        ownerZoomUserId: ALICE,
        sessionId: 'stale',
        lastInboundAt: '2026-11-25T09:00:00.000Z',
        lastOutboundAt: '2026-11-25T10:00:00.000Z',
      });
      expect(
        (await store.listUnanswered(ALICE, new Date(0), 10)).map((a) => a.sessionId),
      ).toStrictEqual(['recent']);
    });

    it('refuses an instant that is not one and a limit that is not a positive integer', async () => {
      await expect(
        store.recordTextActivity({ ...text('in', 's1', '2026-11-26T10:00:00Z'), at: 'soon' }),
      ).rejects.toThrow(RangeError);
      await expect(store.listUnanswered(ALICE, since(), 0)).rejects.toThrow(RangeError);
    });
  });
};
