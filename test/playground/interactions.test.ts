import { describe, expect, it } from 'vitest';
import { buildInteraction } from '../../src/playground/interactions.js';
import { createPlaygroundPeople } from '../../src/playground/people.js';
import { withSlackIds } from '../../src/playground/surface-ids.js';

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
