import { describe, expect, it } from 'vitest';
import { sealOutgoing } from '../../../src/slack/seal/seal-surfaces.js';

const policy = {
  seal: { seal: (value: string) => `sealed(${value})`, unseal: () => undefined },
  sealedSelects: new Set(['pick_conversation']),
};

/** Freezes a value and everything in it, so any write into the input throws. */
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

const header = { type: 'header', text: { type: 'plain_text', text: 'Your SMS conversations' } };
const row = {
  type: 'section',
  text: { type: 'mrkdwn', text: '*Alex* · 2 texts' },
  accessory: {
    type: 'button',
    action_id: 'open',
    text: { type: 'plain_text', text: 'Open' },
    value: 'c1',
  },
};
const pager = {
  type: 'actions',
  elements: [
    { type: 'button', action_id: 'next', value: 'page-2' },
    { type: 'button', action_id: 'help', url: 'https://example.com/help' },
  ],
};

describe('sealOutgoing', () => {
  it('seals every button value at any depth and leaves the rest as it was', () => {
    const message = deepFreeze({ text: 'page 1', blocks: [header, row, pager] });
    expect(sealOutgoing(message, policy)).toEqual({
      text: 'page 1',
      blocks: [
        header,
        { ...row, accessory: { ...row.accessory, value: 'sealed(c1)' } },
        {
          type: 'actions',
          elements: [{ ...pager.elements[0], value: 'sealed(page-2)' }, pager.elements[1]],
        },
      ],
    });
  });

  it('copies only what leads to a sealed value and shares the rest with the input', () => {
    const message = deepFreeze({ text: 'page 1', blocks: [header, row, pager] });
    const sealed = sealOutgoing(message, policy) as typeof message;
    expect(sealed).not.toBe(message);
    expect(sealed.blocks[0]).toBe(header);
    expect((sealed.blocks[1] as typeof row).text).toBe(row.text);
    expect((sealed.blocks[2] as typeof pager).elements[1]).toBe(pager.elements[1]);
    const plain = deepFreeze({ text: 'nothing to seal', blocks: [header] });
    expect(sealOutgoing(plain, policy)).toBe(plain);
  });

  it("seals a named select's options, option groups and initial option, and a view's metadata", () => {
    const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
    const view = deepFreeze({
      type: 'modal',
      private_metadata: '{"cursor":1}',
      blocks: [
        {
          type: 'input',
          element: {
            type: 'static_select',
            action_id: 'pick_conversation',
            options: [option('a')],
            option_groups: [
              { label: { type: 'plain_text', text: 'More' }, options: [option('b')] },
            ],
            initial_option: option('a'),
          },
        },
        {
          type: 'input',
          element: { type: 'static_select', action_id: 'type', options: [option('sms')] },
        },
      ],
    });
    const sealed = sealOutgoing(view, policy) as {
      private_metadata: string;
      blocks: { element: Record<string, unknown> }[];
    };
    expect(sealed.private_metadata).toBe('sealed({"cursor":1})');
    expect(sealed.blocks[0]?.element).toEqual({
      type: 'static_select',
      action_id: 'pick_conversation',
      options: [{ ...option('a'), value: 'sealed(a)' }],
      option_groups: [
        {
          label: { type: 'plain_text', text: 'More' },
          options: [{ ...option('b'), value: 'sealed(b)' }],
        },
      ],
      initial_option: { ...option('a'), value: 'sealed(a)' },
    });
    expect(sealed.blocks[1]).toBe(view.blocks[1]);
  });
});
