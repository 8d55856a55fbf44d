import type { HomeView, KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  DETAILED_LAYOUT_MAX_SESSIONS,
  ID_MAX_CHARS,
  MESSAGE_MAX_BLOCKS,
  MESSAGE_MAX_TEXT_CHARS,
  PAGE_FRAME_MAX_BLOCKS,
  PAGE_FRAME_MAX_CHARS,
  SESSION_LIST_MAX_BLOCKS,
  sessionCharBudget,
  TEXT_MAX_CHARS,
} from '../../src/render/limits.js';
import { ACTION_IDS, BLOCK_IDS, PAGE_ACTION_IDS } from '../../src/surface/ids.js';
import {
  expectValidHomeView,
  expectValidMessage,
  expectValidModal,
  visibleText,
} from '../helpers/block-kit.js';

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('sessionCharBudget', () => {
  it.each([1, 10, 20, 21, 50, 100])('shares the message among %i sessions', (count) => {
    const budget = sessionCharBudget(count);
    expect(budget).toBeLessThanOrEqual(TEXT_MAX_CHARS);
    expect(PAGE_FRAME_MAX_CHARS + count * budget).toBeLessThanOrEqual(MESSAGE_MAX_TEXT_CHARS);
  });

  it('leaves a dense line of 100 sessions room for a name, a type and a date', () => {
    expect(sessionCharBudget(100)).toBeGreaterThanOrEqual(100);
  });

  it('keeps every detailed page and every packed page under 50 blocks', () => {
    expect(PAGE_FRAME_MAX_BLOCKS + DETAILED_LAYOUT_MAX_SESSIONS).toBeLessThanOrEqual(
      MESSAGE_MAX_BLOCKS,
    );
    const linesPerSection = Math.floor(
      TEXT_MAX_CHARS / sessionCharBudget(DETAILED_LAYOUT_MAX_SESSIONS + 1),
    );
    expect(Math.ceil(100 / linesPerSection)).toBeLessThanOrEqual(SESSION_LIST_MAX_BLOCKS);
  });
});

describe('ACTION_IDS and BLOCK_IDS', () => {
  it('are unique and within Slack’s 255 characters', () => {
    const ids = [...Object.values(ACTION_IDS), ...Object.values(BLOCK_IDS)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(ID_MAX_CHARS);
  });

  it('list every page action once', () => {
    expect([...PAGE_ACTION_IDS].sort()).toEqual(Object.values(ACTION_IDS).sort());
  });
});

describe('expectValidMessage', () => {
  it('accepts a small valid message', () => {
    expectValidMessage({ text: 'hi', blocks: [section('hi')] });
  });

  it.each<[string, { text?: string; blocks: KnownBlock[] }]>([
    ['no top-level text', { text: ' ', blocks: [section('hi')] }],
    ['51 blocks', { text: 'x', blocks: Array.from({ length: 51 }, () => section('x')) }],
    [
      'more than 12,000 characters of text',
      { text: 'x', blocks: Array.from({ length: 5 }, () => section('x'.repeat(2500))) },
    ],
    ['a section text over 3,000 characters', { text: 'x', blocks: [section('x'.repeat(3001))] }],
    [
      'a button value over 2,000 characters',
      {
        text: 'x',
        blocks: [
          {
            type: 'actions',
            elements: [
              { type: 'button', text: { type: 'plain_text', text: 'Go' }, value: 'v'.repeat(2001) },
            ],
          },
        ],
      },
    ],
    [
      'a block unknown to Block Kit',
      {
        text: 'x',
        blocks: [{ type: 'sectoin', text: { type: 'mrkdwn', text: 'x' } } as unknown as KnownBlock],
      },
    ],
    [
      'duplicate block ids',
      {
        text: 'x',
        blocks: [
          { type: 'divider', block_id: 'same' },
          { type: 'divider', block_id: 'same' },
        ],
      },
    ],
  ])('refuses a message with %s', (_, message) => {
    expect(() => expectValidMessage(message)).toThrow();
  });
});

describe('expectValidHomeView and expectValidModal', () => {
  it('accept valid views of up to 100 blocks', () => {
    const blocks = Array.from({ length: 100 }, () => section('x'));
    expectValidHomeView({ type: 'home', blocks });
    expectValidModal({ type: 'modal', title: { type: 'plain_text', text: 'SMS' }, blocks });
  });

  it('refuse 101 blocks, a wrong type and a long modal title', () => {
    const blocks = Array.from({ length: 101 }, () => section('x'));
    expect(() => expectValidHomeView({ type: 'home', blocks })).toThrow();
    expect(() =>
      expectValidHomeView({ type: 'modal', blocks: [section('x')] } as unknown as HomeView),
    ).toThrow();
    expect(() =>
      expectValidModal({
        type: 'modal',
        title: { type: 'plain_text', text: 'x'.repeat(25) },
        blocks: [section('x')],
      } as ModalView),
    ).toThrow();
  });
});

describe('visibleText', () => {
  it('reads mrkdwn as a person sees it', () => {
    const text = visibleText({
      blocks: [
        section(
          '*Hi* <@U0123ABCD>, `&lt;b&gt; &amp;` at <!date^1795633380^{time}|2:03 PM> <https://x.test|link>',
        ),
        { type: 'header', text: { type: 'plain_text', text: 'A & <b>' } },
      ],
    });
    expect(text).toBe('Hi @U0123ABCD, <b> & at 2:03 PM link\nA & <b>');
  });
});
