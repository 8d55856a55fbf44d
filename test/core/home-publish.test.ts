import { describe, expect, it } from 'vitest';
import { beginHomeUpdate, type PublishResult } from '../../src/core/home-publish.js';
import { createHomeState, type HomeState } from '../../src/core/home-state.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const USER = 'U0ALICE01';

interface Call {
  readonly view: string;
  readonly hash: string | undefined;
}

/**
 * A Home tab as Slack keeps it: a fresh hash per publish, `hash_conflict` for a stale one.
 * `meanwhile` runs just before the publish of one view lands, to interleave another update.
 */
const createFakeTab = () => {
  let current = 'hash-0';
  let counter = 0;
  const calls: Call[] = [];
  const shown: string[] = [];
  const meanwhile = new Map<string, () => Promise<void>>();
  const publish = async (
    _user: string,
    view: string,
    hash: string | undefined,
  ): Promise<PublishResult> => {
    await meanwhile.get(view)?.();
    calls.push({ view, hash });
    if (hash !== undefined && hash !== current) return { kind: 'hash-conflict' };
    counter += 1;
    current = `hash-${counter}`;
    shown.push(view);
    return { kind: 'published', hash: current };
  };
  return { calls, shown, publish, meanwhile, current: () => current };
};

const setup = () => {
  const state: HomeState = createHomeState({
    store: createMemoryStore({ clock: createFakeClock() }),
  });
  const tab = createFakeTab();
  return { tab, deps: { state, publish: tab.publish } };
};

describe('beginHomeUpdate', () => {
  it('passes the hash the person saw, then the hash of its own last publish', async () => {
    const { tab, deps } = setup();
    const update = await beginHomeUpdate(deps, USER, 'hash-0');
    expect(await update.publish('loading')).toBe('published');
    expect(await update.publish('page')).toBe('published');
    expect(tab.calls).toEqual([
      { view: 'loading', hash: 'hash-0' },
      { view: 'page', hash: 'hash-1' },
    ]);
    expect(tab.shown).toEqual(['loading', 'page']);
  });

  it('drops its view without publishing when a newer update has begun', async () => {
    const { tab, deps } = setup();
    const older = await beginHomeUpdate(deps, USER, 'hash-0');
    await older.publish('older loading');
    const newer = await beginHomeUpdate(deps, USER, tab.current());
    await newer.publish('newer loading');
    expect(await older.publish('older page')).toBe('superseded');
    expect(await newer.publish('newer page')).toBe('published');
    expect(tab.shown).toEqual(['older loading', 'newer loading', 'newer page']);
  });

  it('drops its view on a hash conflict when a newer update began while it was publishing', async () => {
    const { tab, deps } = setup();
    const older = await beginHomeUpdate(deps, USER, 'hash-0');
    await older.publish('older loading');
    tab.meanwhile.set('older page', async () => {
      const newer = await beginHomeUpdate(deps, USER, tab.current());
      await newer.publish('newer loading');
    });
    expect(await older.publish('older page')).toBe('superseded');
    expect(tab.shown).toEqual(['older loading', 'newer loading']);
  });

  it('publishes again without a hash on a conflict when it is still the newest', async () => {
    const { tab, deps } = setup();
    const update = await beginHomeUpdate(deps, USER, 'stale');
    expect(await update.publish('loading')).toBe('published');
    expect(await update.publish('page')).toBe('published');
    expect(tab.calls).toEqual([
      { view: 'loading', hash: 'stale' },
      { view: 'loading', hash: undefined },
      { view: 'page', hash: 'hash-1' },
    ]);
    expect(tab.shown).toEqual(['loading', 'page']);
  });

  it('publishes without a hash when the person has never seen the tab', async () => {
    const { tab, deps } = setup();
    const update = await beginHomeUpdate(deps, USER, undefined);
    await update.publish('loading');
    expect(tab.calls).toEqual([{ view: 'loading', hash: undefined }]);
  });
});
