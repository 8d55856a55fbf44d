import { describe, expect, it } from 'vitest';
import { DEFAULT_HOME_FILTERS, type HomeFilters } from '../../src/core/home-filters.js';
import {
  createHomeState,
  HOME_FILTERS_TTL_MS,
  HOME_OPEN_DEBOUNCE_MS,
  HOME_UPDATE_TTL_MS,
} from '../../src/core/home-state.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const USER = 'U0ALICE01';

const setup = () => {
  const clock = createFakeClock();
  const store = createMemoryStore({ clock });
  let tickets = 0;
  const state = createHomeState({
    store,
    newTicket: () => {
      tickets += 1;
      return `ticket-${tickets}`;
    },
  });
  return { clock, store, state };
};

describe('createHomeState', () => {
  it('gives the defaults when a person never chose filters', async () => {
    expect(await setup().state.filters(USER)).toEqual(DEFAULT_HOME_FILTERS);
  });

  it('keeps a person’s filters until they have been left alone for the TTL', async () => {
    const { clock, state } = setup();
    const filters: HomeFilters = {
      ...DEFAULT_HOME_FILTERS,
      sessionType: 'all',
      from: '2026-10-01',
    };
    await state.saveFilters(USER, filters);
    clock.advance(HOME_FILTERS_TTL_MS - 1);
    expect(await state.filters(USER)).toEqual(filters);
    expect(await state.filters('U0SOMEONE')).toEqual(DEFAULT_HOME_FILTERS);
    clock.advance(1);
    expect(await state.filters(USER)).toEqual(DEFAULT_HOME_FILTERS);
  });

  it('gives the defaults when the stored filters cannot be read', async () => {
    const { store, state } = setup();
    await store.cacheSet('home-filters', USER, { sessionType: 'fax' }, 60_000);
    expect(await state.filters(USER)).toEqual(DEFAULT_HOME_FILTERS);
  });

  it('claims only the first opening of the tab within the debounce window', async () => {
    const { clock, state } = setup();
    expect(await state.claimOpen(USER)).toBe(true);
    clock.advance(HOME_OPEN_DEBOUNCE_MS - 1);
    expect(await state.claimOpen(USER)).toBe(false);
    expect(await state.claimOpen('U0SOMEONE')).toBe(true);
    clock.advance(1);
    expect(await state.claimOpen(USER)).toBe(true);
  });

  it('knows which update of a person’s tab is the newest', async () => {
    const { state } = setup();
    const first = await state.beginUpdate(USER);
    expect(await state.isLatestUpdate(USER, first)).toBe(true);
    const second = await state.beginUpdate(USER);
    expect(await state.isLatestUpdate(USER, first)).toBe(false);
    expect(await state.isLatestUpdate(USER, second)).toBe(true);
    expect(await state.isLatestUpdate('U0SOMEONE', first)).toBe(true);
  });

  it('treats an update as the newest once its record has expired', async () => {
    const { clock, state } = setup();
    const ticket = await state.beginUpdate(USER);
    clock.advance(HOME_UPDATE_TTL_MS);
    expect(await state.isLatestUpdate(USER, ticket)).toBe(true);
  });

  it('shares its state between replicas through the store', async () => {
    const { store, state } = setup();
    const replica = createHomeState({ store, newTicket: () => 'other-replica' });
    await state.saveFilters(USER, { ...DEFAULT_HOME_FILTERS, phone: '+1 415 555 0100' });
    expect((await replica.filters(USER)).phone).toBe('+1 415 555 0100');
    const ticket = await state.beginUpdate(USER);
    await replica.beginUpdate(USER);
    expect(await state.isLatestUpdate(USER, ticket)).toBe(false);
    expect(await state.claimOpen(USER)).toBe(true);
    expect(await replica.claimOpen(USER)).toBe(false);
  });
});
