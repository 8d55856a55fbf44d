import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryInput, Link, Store, StoreDeps } from '../../src/store/types.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';
import { describeActivityContract } from './activity-contract.js';
import { describeInboxContract } from './inbox-contract.js';
import { silentLogger } from './logger.js';

/** Builds a fresh, empty store for one test; the suite closes it afterwards. */
export type StoreFactory = (deps: StoreDeps) => Promise<Store> | Store;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const link = (overrides: Partial<Link> = {}): Link => ({
  slackUserId: 'U0ALICE',
  zoomUser: 'alice@example.com',
  setBy: 'U0ADMIN',
  setAt: '2026-11-26T12:00:00.000Z',
  ...overrides,
});

const audit = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actorSlackUserId: 'U0ALICE',
  subjectSlackUserId: 'U0ALICE',
  action: 'list',
  filters: { from: '2026-11-01', to: '2026-11-26', pageSize: 30 },
  allowed: true,
  ...overrides,
});

/**
 * The behaviour every {@link Store} adapter must share, run against each one (as
 * slackapi/node-slack-sdk runs one state-store spec against every state store). Time moves only
 * through the fake clock handed to the factory.
 */
export const describeStoreContract = (name: string, factory: StoreFactory): void => {
  describeInboxContract(name, factory);
  describeActivityContract(name, factory);
  describe(`${name} (Store contract)`, () => {
    let clock: FakeClock;
    let store: Store;

    beforeEach(async () => {
      clock = createFakeClock('2026-11-26T12:00:00Z');
      store = await factory({ clock, logger: silentLogger });
    });

    afterEach(async () => {
      await store.close();
    });

    describe('getLink', () => {
      it('returns undefined when no link was set', async () => {
        expect(await store.getLink('U0NOBODY')).toBeUndefined();
      });

      it('returns the link field for field when one was set', async () => {
        await store.setLink(link());
        expect(await store.getLink('U0ALICE')).toStrictEqual(link());
      });
    });

    describe('setLink', () => {
      it('replaces the earlier link when the same person is linked again', async () => {
        await store.setLink(link());
        const replacement = link({
          zoomUser: 'KDcuGIm1QgePTO8WbOqwIQ',
          setBy: 'U0OTHERADMIN',
          setAt: '2026-11-27T08:30:00.000Z',
        });
        await store.setLink(replacement);
        expect(await store.getLink('U0ALICE')).toStrictEqual(replacement);
      });

      it('keeps links apart when several people are linked', async () => {
        await store.setLink(link());
        await store.setLink(link({ slackUserId: 'U0BOB', zoomUser: 'bob@example.com' }));
        expect(await store.getLink('U0ALICE')).toMatchObject({ zoomUser: 'alice@example.com' });
        expect(await store.getLink('U0BOB')).toMatchObject({ zoomUser: 'bob@example.com' });
      });
    });

    describe('deleteLink', () => {
      it('removes the link and returns true when there was one', async () => {
        await store.setLink(link());
        await store.setLink(link({ slackUserId: 'U0BOB' }));
        expect(await store.deleteLink('U0ALICE')).toBe(true);
        expect(await store.getLink('U0ALICE')).toBeUndefined();
        expect(await store.getLink('U0BOB')).toBeDefined();
      });

      it('returns false when there was no link', async () => {
        expect(await store.deleteLink('U0NOBODY')).toBe(false);
      });
    });

    describe('appendAudit', () => {
      it('stamps the entry with the clock when no time is given', async () => {
        await store.appendAudit(audit());
        const [entry] = await store.listAudit({ limit: 10 });
        expect(entry?.at).toBe('2026-11-26T12:00:00.000Z');
      });

      it('keeps every field and leaves absent optional fields absent when read back', async () => {
        await store.appendAudit(
          audit({
            subjectZoomUser: 'alice@example.com',
            resultCount: 7,
            reason: 'ZOOM_RATE_LIMITED',
            allowed: false,
          }),
        );
        await store.appendAudit({
          actorSlackUserId: 'U0ADMIN',
          action: 'home',
          filters: {},
          allowed: true,
        });
        const [minimal, full] = await store.listAudit({ limit: 10 });
        expect(full).toStrictEqual({
          id: expect.any(String),
          at: '2026-11-26T12:00:00.000Z',
          actorSlackUserId: 'U0ALICE',
          subjectSlackUserId: 'U0ALICE',
          subjectZoomUser: 'alice@example.com',
          action: 'list',
          filters: { from: '2026-11-01', to: '2026-11-26', pageSize: 30 },
          resultCount: 7,
          allowed: false,
          reason: 'ZOOM_RATE_LIMITED',
        });
        expect(minimal).toStrictEqual({
          id: expect.any(String),
          at: '2026-11-26T12:00:00.000Z',
          actorSlackUserId: 'U0ADMIN',
          action: 'home',
          filters: {},
          allowed: true,
        });
      });

      it('keeps the count of an entry that stands for several refusals', async () => {
        await store.appendAudit(audit({ allowed: false, reason: 'SLOW_DOWN', count: 37 }));
        await store.appendAudit(audit({ action: 'once', count: 1 }));
        const [once, many] = await store.listAudit({ limit: 10 });
        expect(many?.count).toBe(37);
        expect(once).not.toHaveProperty('count');
      });

      it('rejects with RangeError when the count is not a positive whole number', async () => {
        await expect(store.appendAudit(audit({ count: 0 }))).rejects.toThrow(RangeError);
        await expect(store.appendAudit(audit({ count: 1.5 }))).rejects.toThrow(RangeError);
      });

      it('resolves with the id the entry is listed under', async () => {
        const id = await store.appendAudit(audit());
        expect((await store.listAudit({ limit: 1 }))[0]?.id).toBe(id);
      });
    });

    describe('appendAuditBatch', () => {
      it('appends every entry, in order, and resolves with their ids', async () => {
        const ids = await store.appendAuditBatch([
          audit({ action: 'b1' }),
          audit({ action: 'b2', subjectSlackUserId: 'U0BOB' }),
          audit({ action: 'b3' }),
        ]);
        expect(ids).toHaveLength(3);
        expect(new Set(ids).size).toBe(3);
        const listed = await store.listAudit({ limit: 10 });
        expect(listed.map((entry) => [entry.id, entry.action])).toEqual([
          [ids[2], 'b3'],
          [ids[1], 'b2'],
          [ids[0], 'b1'],
        ]);
        expect(await store.listAudit({ subjectSlackUserId: 'U0BOB', limit: 10 })).toHaveLength(1);
      });

      it('writes nothing when one entry is invalid', async () => {
        await expect(
          store.appendAuditBatch([audit({ action: 'fine' }), audit({ at: 'yesterday' })]),
        ).rejects.toThrow(RangeError);
        expect(await store.listAudit({ limit: 10 })).toEqual([]);
      });

      it('resolves with no ids for no entries', async () => {
        expect(await store.appendAuditBatch([])).toEqual([]);
      });
    });

    describe('setAuditCount', () => {
      it('changes the count of one entry and leaves the others', async () => {
        const first = await store.appendAudit(audit({ allowed: false, reason: 'SLOW_DOWN' }));
        await store.appendAudit(audit({ action: 'other' }));
        await store.setAuditCount(first, 12);
        const listed = await store.listAudit({ limit: 10 });
        expect(listed.find((entry) => entry.id === first)).toMatchObject({
          count: 12,
          reason: 'SLOW_DOWN',
          allowed: false,
        });
        expect(listed.find((entry) => entry.id !== first)).not.toHaveProperty('count');
      });

      it('does nothing for an entry that is not there', async () => {
        await expect(store.setAuditCount('999999', 3)).resolves.toBeUndefined();
        expect(await store.listAudit({ limit: 10 })).toEqual([]);
      });

      it('rejects with RangeError when the count is not a positive whole number', async () => {
        const id = await store.appendAudit(audit());
        await expect(store.setAuditCount(id, 0)).rejects.toThrow(RangeError);
      });

      it('normalises a given time to UTC ISO form when it has an offset', async () => {
        await store.appendAudit(audit({ at: '2026-11-26T14:00:00+02:00' }));
        const [entry] = await store.listAudit({ limit: 1 });
        expect(entry?.at).toBe('2026-11-26T12:00:00.000Z');
      });

      it('rejects with RangeError when the time is not a date', async () => {
        await expect(store.appendAudit(audit({ at: 'yesterday' }))).rejects.toThrow(RangeError);
      });

      it('keeps the entry as it was when the caller changes its filters afterwards', async () => {
        const filters: Record<string, string | number> = { phone: '18108001001' };
        await store.appendAudit(audit({ filters }));
        filters.phone = '0';
        const [entry] = await store.listAudit({ limit: 1 });
        expect(entry?.filters).toStrictEqual({ phone: '18108001001' });
      });

      it('gives every entry its own id and never reuses one when entries were pruned', async () => {
        await store.appendAudit(audit());
        await store.appendAudit(audit());
        const before = (await store.listAudit({ limit: 10 })).map((entry) => entry.id);
        clock.advance(MINUTE_MS);
        await store.pruneAudit(clock.now());
        await store.appendAudit(audit());
        const [after] = await store.listAudit({ limit: 10 });
        expect(new Set(before).size).toBe(2);
        expect(after?.id).toEqual(expect.any(String));
        expect(before).not.toContain(after?.id);
      });
    });

    describe('listAudit', () => {
      it('returns an empty list when nothing was recorded', async () => {
        expect(await store.listAudit({ limit: 5 })).toStrictEqual([]);
      });

      it('returns entries newest first by time when they were appended out of order', async () => {
        await store.appendAudit(audit({ action: 'second', at: '2026-11-26T11:00:00Z' }));
        await store.appendAudit(audit({ action: 'third', at: '2026-11-26T11:30:00Z' }));
        await store.appendAudit(audit({ action: 'first', at: '2026-11-26T10:00:00Z' }));
        const actions = (await store.listAudit({ limit: 10 })).map((entry) => entry.action);
        expect(actions).toStrictEqual(['third', 'second', 'first']);
      });

      it('puts the later append first when entries share an instant', async () => {
        for (let i = 1; i <= 12; i += 1) await store.appendAudit(audit({ action: `a${i}` }));
        const actions = (await store.listAudit({ limit: 3 })).map((entry) => entry.action);
        expect(actions).toStrictEqual(['a12', 'a11', 'a10']);
      });

      it('returns only entries about that person when filtered by subject', async () => {
        await store.appendAudit(audit({ subjectSlackUserId: 'U0BOB', action: 'bob-1' }));
        await store.appendAudit(audit({ subjectSlackUserId: 'U0CAROL', action: 'carol' }));
        clock.advance(1);
        await store.appendAudit(
          audit({ actorSlackUserId: 'U0ADMIN', subjectSlackUserId: 'U0BOB', action: 'bob-2' }),
        );
        const entries = await store.listAudit({ subjectSlackUserId: 'U0BOB', limit: 10 });
        expect(entries.map((entry) => entry.action)).toStrictEqual(['bob-2', 'bob-1']);
      });

      it('returns only entries by that person when filtered by actor', async () => {
        await store.appendAudit(audit({ actorSlackUserId: 'U0ADMIN', action: 'admin-1' }));
        await store.appendAudit(audit({ actorSlackUserId: 'U0BOB', action: 'bob' }));
        await store.appendAudit({
          actorSlackUserId: 'U0ADMIN',
          action: 'link',
          filters: {},
          allowed: true,
        });
        const entries = await store.listAudit({ actorSlackUserId: 'U0ADMIN', limit: 10 });
        expect(entries.map((entry) => entry.action)).toStrictEqual(['link', 'admin-1']);
      });

      it('returns entries matching both when filtered by subject and actor', async () => {
        await store.appendAudit(
          audit({ actorSlackUserId: 'U0ADMIN', subjectSlackUserId: 'U0BOB', action: 'match' }),
        );
        for (let i = 0; i < 5; i += 1) {
          await store.appendAudit(
            audit({ actorSlackUserId: 'U0BOB', subjectSlackUserId: 'U0BOB' }),
          );
          await store.appendAudit(
            audit({ actorSlackUserId: 'U0ADMIN', subjectSlackUserId: 'U0X' }),
          );
        }
        const entries = await store.listAudit({
          subjectSlackUserId: 'U0BOB',
          actorSlackUserId: 'U0ADMIN',
          limit: 10,
        });
        expect(entries.map((entry) => entry.action)).toStrictEqual(['match']);
      });

      it('returns at most limit entries, the newest, when more match', async () => {
        for (let i = 1; i <= 5; i += 1) {
          await store.appendAudit(audit({ action: `a${i}` }));
          clock.advance(1_000);
        }
        const entries = await store.listAudit({ limit: 2 });
        expect(entries.map((entry) => entry.action)).toStrictEqual(['a5', 'a4']);
      });

      it.each([0, -1, 1.5, Number.NaN])(
        'rejects with RangeError when limit is %s',
        async (limit) => {
          await expect(store.listAudit({ limit })).rejects.toThrow(RangeError);
        },
      );
    });

    describe('pruneAudit', () => {
      it('deletes entries strictly older than the date and counts them', async () => {
        await store.appendAudit(audit({ action: 'old-1' }));
        clock.advance(DAY_MS);
        await store.appendAudit(audit({ action: 'old-2' }));
        clock.advance(DAY_MS);
        const cutoff = clock.now();
        await store.appendAudit(audit({ action: 'at-cutoff', subjectSlackUserId: 'U0BOB' }));
        clock.advance(DAY_MS);
        await store.appendAudit(audit({ action: 'new' }));

        expect(await store.pruneAudit(cutoff)).toBe(2);

        const all = await store.listAudit({ limit: 10 });
        expect(all.map((entry) => entry.action)).toStrictEqual(['new', 'at-cutoff']);
        const bySubject = await store.listAudit({ subjectSlackUserId: 'U0ALICE', limit: 10 });
        expect(bySubject.map((entry) => entry.action)).toStrictEqual(['new']);
        const byActor = await store.listAudit({ actorSlackUserId: 'U0ALICE', limit: 10 });
        expect(byActor.map((entry) => entry.action)).toStrictEqual(['new', 'at-cutoff']);
      });

      it('returns 0 when nothing is older than the date', async () => {
        await store.appendAudit(audit());
        expect(await store.pruneAudit(new Date('2026-11-26T11:59:59.999Z'))).toBe(0);
        expect(await store.listAudit({ limit: 10 })).toHaveLength(1);
      });
    });

    describe('cacheGet', () => {
      it('returns undefined when nothing was cached', async () => {
        expect(await store.cacheGet('identity', 'U0ALICE')).toBeUndefined();
      });

      it.each([
        ['an object', { email: 'alice@example.com', nested: { ids: [1, 2, 3] }, none: null }],
        ['an array', ['a', 1, true, null, { x: 'y' }]],
        ['a string with unicode and quotes', 'Zoë says "hi" — 👋'],
        ['a number', 42.5],
        ['false', false],
        ['null', null],
      ])('returns %s as it was set', async (_, value) => {
        await store.cacheSet('page', 'k', value, MINUTE_MS);
        expect(await store.cacheGet('page', 'k')).toStrictEqual(value);
      });

      it('returns what JSON gives back when the value held a Date', async () => {
        await store.cacheSet('page', 'k', { when: new Date('2026-11-26T12:00:00Z') }, MINUTE_MS);
        expect(await store.cacheGet('page', 'k')).toStrictEqual({
          when: '2026-11-26T12:00:00.000Z',
        });
      });

      it('returns the value until its time to live has passed, then undefined', async () => {
        await store.cacheSet('identity', 'U0ALICE', 'alice@example.com', MINUTE_MS);
        clock.advance(MINUTE_MS - 1);
        expect(await store.cacheGet('identity', 'U0ALICE')).toBe('alice@example.com');
        clock.advance(1);
        expect(await store.cacheGet('identity', 'U0ALICE')).toBeUndefined();
      });

      it('keeps namespaces apart when keys are equal or could be joined alike', async () => {
        await store.cacheSet('identity', 'U0ALICE', 'identity value', MINUTE_MS);
        await store.cacheSet('home', 'U0ALICE', 'home value', MINUTE_MS);
        await store.cacheSet('a:b', 'c', 'first', MINUTE_MS);
        await store.cacheSet('a', 'b:c', 'second', MINUTE_MS);
        expect(await store.cacheGet('identity', 'U0ALICE')).toBe('identity value');
        expect(await store.cacheGet('home', 'U0ALICE')).toBe('home value');
        expect(await store.cacheGet('a:b', 'c')).toBe('first');
        expect(await store.cacheGet('a', 'b:c')).toBe('second');
        expect(await store.cacheGet('page', 'U0ALICE')).toBeUndefined();
      });
    });

    describe('cacheSet', () => {
      it('replaces the value and restarts its time to live when set again', async () => {
        await store.cacheSet('home', 'U0ALICE', { tab: 'mine' }, MINUTE_MS);
        clock.advance(MINUTE_MS - 1_000);
        await store.cacheSet('home', 'U0ALICE', { tab: 'team' }, MINUTE_MS);
        clock.advance(MINUTE_MS - 1);
        expect(await store.cacheGet('home', 'U0ALICE')).toStrictEqual({ tab: 'team' });
        clock.advance(1);
        expect(await store.cacheGet('home', 'U0ALICE')).toBeUndefined();
      });

      it('leaves other keys alone when one key expires', async () => {
        await store.cacheSet('page', 'short', 1, 1_000);
        await store.cacheSet('page', 'long', 2, MINUTE_MS);
        clock.advance(1_000);
        await store.cacheSet('page', 'other', 3, MINUTE_MS);
        expect(await store.cacheGet('page', 'short')).toBeUndefined();
        expect(await store.cacheGet('page', 'long')).toBe(2);
        expect(await store.cacheGet('page', 'other')).toBe(3);
      });

      it('rejects with TypeError when the value has no JSON form', async () => {
        await expect(store.cacheSet('page', 'k', undefined, MINUTE_MS)).rejects.toThrow(TypeError);
        await expect(store.cacheSet('page', 'k', () => 1, MINUTE_MS)).rejects.toThrow(TypeError);
        expect(await store.cacheGet('page', 'k')).toBeUndefined();
      });

      it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
        'rejects with RangeError when ttlMs is %s',
        async (ttlMs) => {
          await expect(store.cacheSet('page', 'k', 1, ttlMs)).rejects.toThrow(RangeError);
        },
      );
    });

    describe('cacheDelete', () => {
      it('forgets the value and only that one', async () => {
        await store.cacheSet('page', 'a', 1, MINUTE_MS);
        await store.cacheSet('page', 'b', 2, MINUTE_MS);
        await store.cacheDelete('page', 'a');
        expect(await store.cacheGet('page', 'a')).toBeUndefined();
        expect(await store.cacheGet('page', 'b')).toBe(2);
      });

      it('resolves when there was nothing to delete', async () => {
        await expect(store.cacheDelete('page', 'missing')).resolves.toBeUndefined();
      });
    });

    describe('ping', () => {
      it('resolves when the store is open', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('close', () => {
      it('makes later calls reject and may be called twice', async () => {
        await store.close();
        await store.close();
        await expect(store.ping()).rejects.toThrow();
        await expect(store.getLink('U0ALICE')).rejects.toThrow();
        await expect(store.cacheGet('page', 'k')).rejects.toThrow();
        await expect(store.appendAudit(audit())).rejects.toThrow();
        await expect(store.listAudit({ limit: 1 })).rejects.toThrow();
      });
    });
  });
};
