import type { ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOME_FILTERS, type HomeFilters } from '../../src/core/home-filters.js';
import { AppError, invalidArgs } from '../../src/errors.js';
import {
  FILTERS_MODAL_TITLE,
  filterFieldErrors,
  renderHomeFiltersModal,
} from '../../src/render/home-filters-modal.js';
import {
  renderExportWorking,
  renderOutcomeModal,
  renderShareConfirm,
  renderSharePick,
  renderShareWorking,
  renderSideError,
} from '../../src/render/home-side-modals.js';
import { renderShareReceipt } from '../../src/render/share-receipt.js';
import type { RenderContext } from '../../src/render/types.js';
import { HOME_FILTERS_IDS, HOME_SHARE_IDS } from '../../src/surface/home-ids.js';
import { expectValidModal, visibleText } from '../helpers/block-kit.js';

const ctx: RenderContext = { now: new Date('2026-11-26T12:00:00Z'), timeZone: 'America/New_York' };

const snapshot = (name: string, view: ModalView) =>
  expect(JSON.stringify(view, null, 2)).toMatchFileSnapshot(`./__snapshots__/${name}.json`);

type Json = Record<string, unknown>;

/** The input block `blockId` of a modal, with its element. */
const input = (view: ModalView, blockId: string) =>
  view.blocks.find((block) => block.block_id === blockId) as
    | (Json & { element: Json & { initial_option?: { text: { text: string } } } })
    | undefined;

describe('renderHomeFiltersModal', () => {
  const chosen: HomeFilters = {
    sessionType: 'user',
    filterType: 'received_message_time',
    from: '2026-08-01',
    to: '2026-11-30',
    phone: '+1 512 555 0176',
  };

  it('shows every filter as it is, each option saying what it is', async () => {
    const view = renderHomeFiltersModal(chosen);
    expectValidModal(view);
    await snapshot('home-filters-modal', view);
    expect(view.callback_id).toBe(HOME_FILTERS_IDS.callbackId);
    expect(view.title.text).toBe(FILTERS_MODAL_TITLE);
    expect(view.submit?.text).toBe('Apply');
    expect(input(view, HOME_FILTERS_IDS.typeBlock)?.element.initial_option?.text.text).toBe(
      'Type: Your number',
    );
    expect(input(view, HOME_FILTERS_IDS.matchBlock)?.element.initial_option?.text.text).toBe(
      'Dates match: Time received',
    );
    expect(input(view, HOME_FILTERS_IDS.fromBlock)?.element).toMatchObject({
      initial_date: '2026-08-01',
    });
    expect(input(view, HOME_FILTERS_IDS.toBlock)?.element).toMatchObject({
      initial_date: '2026-11-30',
    });
    expect(input(view, HOME_FILTERS_IDS.phoneBlock)?.element).toMatchObject({
      initial_value: '+1 512 555 0176',
    });
    const options = JSON.stringify(view.blocks);
    for (const label of ['Type: All', 'Type: Call queue', 'Type: Auto receptionist']) {
      expect(options).toContain(`"${label}"`);
    }
    // Nothing is sent before Apply: no input dispatches an action.
    expect(options).not.toContain('dispatch_action');
  });

  it('leaves the dates and the number empty when none is set', () => {
    const view = renderHomeFiltersModal(DEFAULT_HOME_FILTERS);
    expectValidModal(view);
    expect(input(view, HOME_FILTERS_IDS.fromBlock)?.element).not.toHaveProperty('initial_date');
    expect(input(view, HOME_FILTERS_IDS.phoneBlock)?.element).not.toHaveProperty('initial_value');
    expect(input(view, HOME_FILTERS_IDS.typeBlock)?.element.initial_option?.text.text).toBe(
      'Type: All',
    );
  });
});

describe('filterFieldErrors', () => {
  it.each([
    [
      'from-in-future',
      invalidArgs('from-in-future', { value: '2027-01-01' }),
      'fromBlock',
      /future/,
    ],
    ['from-after-to', invalidArgs('from-after-to', {}), 'toBlock', /before the From date/],
    ['range-over-cap', invalidArgs('range-over-cap', { limit: 12 }), 'fromBlock', /12 months/],
    ['bad-phone', invalidArgs('bad-phone', { value: 'x' }), 'phoneBlock', /phone number/],
    ['an altered form', new AppError('BAD_BUTTON', 'x'), 'typeBlock', /older version/],
  ] as const)('puts %s beside its field', (_name, error, field, message) => {
    const errors = filterFieldErrors(error);
    expect(Object.keys(errors ?? {})).toEqual([HOME_FILTERS_IDS[field]]);
    expect(errors?.[HOME_FILTERS_IDS[field]]).toMatch(message);
  });

  it('leaves any other failure to the caller', () => {
    expect(filterFieldErrors(new AppError('ZOOM_UNAVAILABLE', 'x'))).toBeUndefined();
    expect(filterFieldErrors(invalidArgs('bad-size', {}))).toBeUndefined();
  });
});

describe('the Export and Share modals of the Home tab', () => {
  it('asks for a channel, then to confirm naming it, as Share under a listing does', async () => {
    const pick = renderSharePick('{"cursor":1}', true);
    expectValidModal(pick);
    await snapshot('home-share-pick', pick);
    expect(pick.callback_id).toBe(HOME_SHARE_IDS.pickCallbackId);
    expect(pick.private_metadata).toBe('{"cursor":1}');
    expect(JSON.stringify(pick)).toContain('"conversations_select"');
    expect(visibleText(pick)).toContain('Phone numbers are partly hidden.');

    const confirm = renderShareConfirm('meta', 'C0SUPPORT', false);
    expectValidModal(confirm);
    await snapshot('home-share-confirm', confirm);
    expect(confirm.title.text).toBe('Share to this channel?');
    expect(confirm.submit?.text).toBe('Share');
    expect(confirm.close?.text).toBe('Cancel');
    expect(JSON.stringify(confirm)).toContain('<#C0SUPPORT>');
    expect(visibleText(confirm)).toContain('Phone numbers are shown in full.');
  });

  it('says what is under way and how it ended, in words a listing would use', () => {
    for (const view of [
      renderExportWorking(),
      renderShareWorking(),
      renderOutcomeModal('share', renderShareReceipt('C0SUPPORT')),
      renderSideError('export', new AppError('FORBIDDEN', 'x'), ctx),
    ]) {
      expectValidModal(view);
      expect(view.submit).toBeUndefined();
    }
    expect(visibleText(renderExportWorking())).toContain('direct messages with SMS Conversations');
    expect(visibleText(renderSideError('share', new AppError('SHARE_DISABLED', 'x'), ctx))).toMatch(
      /turned off|Sharing/,
    );
  });
});
