import { describe, expect, it } from 'vitest';
import { buildInteraction } from '../../src/playground/interactions.js';
import { createPlaygroundPeople } from '../../src/playground/people.js';
import { withSlackIds } from '../../src/playground/surface-ids.js';
import { submissionState } from '../../src/playground/view-submission.js';

const people = createPlaygroundPeople();
const context = { people, actionTs: '1795688580.000200' };
const plain = (text: string) => ({ type: 'plain_text', text });
const option = (value: string) => ({ text: plain(value.toUpperCase()), value });

const blocks = withSlackIds(
  [
    {
      type: 'section',
      block_id: 'person',
      text: { type: 'mrkdwn', text: 'Whose' },
      accessory: { type: 'users_select', action_id: 'pick_user', initial_user: 'U0ALICE' },
    },
    {
      type: 'actions',
      block_id: 'filters',
      elements: [
        {
          type: 'static_select',
          action_id: 'type',
          options: [option('user'), option('all')],
          initial_option: option('user'),
        },
        { type: 'datepicker', action_id: 'from' },
        { type: 'button', text: plain('Refresh'), value: 'v1', style: 'primary' },
      ],
    },
    {
      type: 'input',
      block_id: 'phone',
      label: plain('Phone'),
      element: { type: 'plain_text_input', action_id: 'phone', max_length: 20 },
    },
  ],
  'gen-',
);

describe('buildInteraction', () => {
  it('sends a button with the app’s own text, value and style, and the state of every control', () => {
    expect(
      buildInteraction(blocks, { blockId: 'filters', actionId: 'filters.2' }, context),
    ).toEqual({
      ok: true,
      action: {
        type: 'button',
        action_id: 'filters.2',
        block_id: 'filters',
        action_ts: '1795688580.000200',
        text: plain('Refresh'),
        value: 'v1',
        style: 'primary',
      },
      state: {
        person: { pick_user: { type: 'users_select', selected_user: 'U0ALICE' } },
        filters: {
          type: { type: 'static_select', selected_option: option('user') },
          from: { type: 'datepicker', selected_date: null },
        },
        phone: { phone: { type: 'plain_text_input', value: null } },
      },
    });
  });

  it('sends a choice with the option as the app wrote it, and the state the page shows', () => {
    const built = buildInteraction(
      blocks,
      {
        blockId: 'filters',
        actionId: 'type',
        selection: 'all',
        selections: { filters: { from: '2026-11-01' }, phone: { phone: '+1 415' } },
      },
      context,
    );
    expect(built).toMatchObject({
      ok: true,
      action: { type: 'static_select', selected_option: option('all') },
      state: {
        filters: {
          type: { selected_option: option('all') },
          from: { selected_date: '2026-11-01' },
        },
        phone: { phone: { value: '+1 415' } },
      },
    });
  });

  it.each([
    [
      'an option the select does not offer',
      { blockId: 'filters', actionId: 'type', selection: 'x' },
    ],
    [
      'someone not in the workspace',
      { blockId: 'person', actionId: 'pick_user', selection: 'U0NOBODY' },
    ],
    ['a date that is not a date', { blockId: 'filters', actionId: 'from', selection: 'soon' }],
    [
      'text over the input’s max_length',
      { blockId: 'phone', actionId: 'phone', selection: 'x'.repeat(21) },
    ],
  ])('refuses %s', (_what, interaction) => {
    expect(buildInteraction(blocks, interaction, context)).toEqual({
      ok: false,
      error: 'invalid_selection',
    });
  });

  it('refuses an element the surface does not have', () => {
    expect(buildInteraction(blocks, { blockId: 'filters', actionId: 'nope' }, context)).toEqual({
      ok: false,
      error: 'element_not_found',
    });
  });
});

describe('withSlackIds', () => {
  it('fills in the block and action ids Slack would, keeping the app’s own', () => {
    expect(blocks.map((block) => block.block_id)).toEqual(['person', 'filters', 'phone']);
    const [first] = withSlackIds([{ type: 'actions', elements: [{ type: 'button' }] }], 'p-');
    expect(first).toMatchObject({ block_id: 'p-0', elements: [{ action_id: 'p-0.0' }] });
  });
});

describe('submissionState', () => {
  const modalBlocks = withSlackIds(
    [
      {
        type: 'input',
        block_id: 'type',
        label: plain('Type'),
        element: {
          type: 'static_select',
          action_id: 'type',
          options: [option('user'), option('all')],
          initial_option: option('all'),
        },
      },
      {
        type: 'input',
        block_id: 'from',
        label: plain('From'),
        optional: true,
        element: { type: 'datepicker', action_id: 'from', initial_date: '2026-08-01' },
      },
      {
        type: 'input',
        block_id: 'channel',
        label: plain('Channel'),
        element: { type: 'conversations_select', action_id: 'channel' },
      },
      {
        type: 'input',
        block_id: 'phone',
        label: plain('Phone'),
        optional: true,
        element: { type: 'plain_text_input', action_id: 'phone', max_length: 5 },
      },
    ],
    'gen-',
  );

  it('carries every input as Slack does: chosen values, else initial ones, in their shapes', () => {
    expect(
      submissionState(
        modalBlocks,
        { type: { type: 'user' }, from: { from: null }, channel: { channel: 'C0GENERAL' } },
        people,
      ),
    ).toStrictEqual({
      type: { type: { type: 'static_select', selected_option: option('user') } },
      from: { from: { type: 'datepicker', selected_date: null } },
      channel: { channel: { type: 'conversations_select', selected_conversation: 'C0GENERAL' } },
      phone: { phone: { type: 'plain_text_input', value: null } },
    });
    expect(submissionState(modalBlocks, {}, people)).toMatchObject({
      type: { type: { selected_option: option('all') } },
      from: { from: { selected_date: '2026-08-01' } },
      channel: { channel: { selected_conversation: null } },
    });
  });

  it('leaves out a value no element could hold', () => {
    const state = submissionState(
      modalBlocks,
      { type: { type: 'fax' }, channel: { channel: '#general' }, phone: { phone: '123456' } },
      people,
    );
    expect(Object.keys(state)).toEqual(['from']);
  });
});

describe('buildInteraction with checkboxes', () => {
  const on = { text: { type: 'mrkdwn', text: '*Send me texts*' }, value: 'on' };
  const switchBlocks = withSlackIds(
    [
      {
        type: 'actions',
        block_id: 'notify',
        elements: [
          { type: 'checkboxes', action_id: 'notify', options: [on], initial_options: [on] },
        ],
      },
    ],
    'gen-',
  );

  it('sends the ticked options, none when all are cleared, as Slack does', () => {
    const cleared = buildInteraction(
      switchBlocks,
      { blockId: 'notify', actionId: 'notify', selection: null },
      context,
    );
    expect(cleared).toMatchObject({
      ok: true,
      action: { type: 'checkboxes', selected_options: [] },
    });
    const ticked = buildInteraction(
      switchBlocks,
      { blockId: 'notify', actionId: 'notify', selection: 'on' },
      context,
    );
    expect(ticked).toMatchObject({
      ok: true,
      action: { selected_options: [on] },
      state: { notify: { notify: { type: 'checkboxes', selected_options: [on] } } },
    });
    expect(
      buildInteraction(
        switchBlocks,
        { blockId: 'notify', actionId: 'notify', selection: 'off' },
        context,
      ),
    ).toStrictEqual({ ok: false, error: 'invalid_selection' });
  });
});
