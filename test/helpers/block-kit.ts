import { readFileSync } from 'node:fs';
import type { HomeView, ModalView } from '@slack/types';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import {
  ACTIONS_MAX_ELEMENTS,
  BUTTON_TEXT_MAX_CHARS,
  BUTTON_VALUE_MAX_CHARS,
  CONTEXT_MAX_ELEMENTS,
  FIELD_MAX_CHARS,
  HEADER_MAX_CHARS,
  MESSAGE_MAX_BLOCKS,
  MESSAGE_MAX_TEXT_CHARS,
  SECTION_MAX_FIELDS,
  TEXT_MAX_CHARS,
  VIEW_MAX_BLOCKS,
} from '../../src/render/limits.js';

/**
 * The Block Kit JSON Schema (draft 2020-12) vendored in spec/slack; see
 * spec/slack/SOURCE.md for where it comes from.
 */
const SCHEMA_URL = new URL('../../spec/slack/block-kit.schema.json', import.meta.url);

const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as { $id: string };
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addSchema(schema);

/** A message or view as a test sees it: anything with blocks. */
export interface Surface {
  readonly text?: string;
  readonly blocks: readonly unknown[];
}

/** One button as a person sees and clicks it. */
export interface FoundButton {
  readonly text: string;
  readonly actionId: string | undefined;
  readonly value: string | undefined;
  readonly blockId: string | undefined;
  readonly style: string | undefined;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const walk = (value: unknown, visit: (node: Json) => void): void => {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (isObject(value)) {
    visit(value);
    for (const child of Object.values(value)) walk(child, visit);
  }
};

const textObjects = (blocks: readonly unknown[]): { type: string; text: string }[] => {
  const found: { type: string; text: string }[] = [];
  walk(blocks, (node) => {
    if ((node.type === 'plain_text' || node.type === 'mrkdwn') && typeof node.text === 'string') {
      found.push({ type: node.type, text: node.text });
    }
  });
  return found;
};

const validateAgainst = (ref: string, data: unknown): void => {
  const validate = ajv.getSchema(ref);
  if (validate === undefined) throw new Error(`No schema at ${ref}`);
  const valid = validate(data);
  expect(valid, ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
};

const expectWithinLimits = (blocks: readonly unknown[], maxBlocks: number): void => {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const { text } of textObjects(blocks))
    expect(text.length).toBeLessThanOrEqual(TEXT_MAX_CHARS);
  const blockIds: string[] = [];
  const actionIds: string[] = [];
  walk(blocks, (node) => {
    if (typeof node.block_id === 'string') blockIds.push(node.block_id);
    if (typeof node.action_id === 'string') actionIds.push(node.action_id);
    const elements = Array.isArray(node.elements) ? node.elements : [];
    if (node.type === 'context') expect(elements.length).toBeLessThanOrEqual(CONTEXT_MAX_ELEMENTS);
    if (node.type === 'actions') expect(elements.length).toBeLessThanOrEqual(ACTIONS_MAX_ELEMENTS);
    if (node.type === 'section' && Array.isArray(node.fields)) {
      expect(node.fields.length).toBeLessThanOrEqual(SECTION_MAX_FIELDS);
      for (const field of node.fields) {
        if (isObject(field)) expect(String(field.text).length).toBeLessThanOrEqual(FIELD_MAX_CHARS);
      }
    }
    if (node.type === 'header' && isObject(node.text)) {
      expect(String(node.text.text).length).toBeLessThanOrEqual(HEADER_MAX_CHARS);
    }
    if (node.type === 'button') {
      if (isObject(node.text)) {
        expect(String(node.text.text).length).toBeLessThanOrEqual(BUTTON_TEXT_MAX_CHARS);
      }
      if (typeof node.value === 'string') {
        expect(node.value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX_CHARS);
      }
    }
  });
  expect(new Set(blockIds).size, 'block_id values must be unique').toBe(blockIds.length);
  expect(new Set(actionIds).size, 'action_id values must be unique').toBe(actionIds.length);
};

/**
 * Characters of text (plain and mrkdwn, as sent, tokens and escapes included) in all the blocks
 * of a surface: what Slack's 12,000-character message limit counts.
 */
export const blockTextLength = (surface: Surface): number =>
  textObjects(surface.blocks).reduce((sum, { text }) => sum + text.length, 0);

/**
 * Asserts that a message Slack would accept: valid against the Block Kit schema, and inside the
 * limits the schema does not check: at most 50 blocks, 12,000 characters of block text, a
 * non-empty top-level `text` (notifications and screen readers), button values of at most 2,000
 * characters, unique block and action ids. Text, field, header and button lengths and element
 * counts are checked again in UTF-16 units, stricter than the schema's code points.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const expectValidMessage = (message: Surface): void => {
  validateAgainst(schema.$id, message.blocks);
  expect(message.text?.trim() ?? '', 'top-level text').not.toBe('');
  expectWithinLimits(message.blocks, MESSAGE_MAX_BLOCKS);
  expect(blockTextLength(message)).toBeLessThanOrEqual(MESSAGE_MAX_TEXT_CHARS);
};

/** Asserts a Home tab view Slack would publish: schema `$defs/home_view`, 100 blocks, ids, buttons. */
export const expectValidHomeView = (view: HomeView): void => {
  validateAgainst(`${schema.$id}#/$defs/home_view`, view);
  expectWithinLimits(view.blocks, VIEW_MAX_BLOCKS);
};

/** Asserts a modal Slack would open: schema `$defs/modal_view`, 100 blocks, ids, buttons. */
export const expectValidModal = (view: ModalView): void => {
  validateAgainst(`${schema.$id}#/$defs/modal_view`, view);
  expectWithinLimits(view.blocks, VIEW_MAX_BLOCKS);
};

const readable = (mrkdwn: string): string =>
  mrkdwn
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!(\w+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/[*`]/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/**
 * All the text a person can read in a surface's blocks, one text object a line, roughly as Slack
 * shows it: escapes decoded, date tokens as their fallback, mentions as `@U123`, links as their
 * label, bold and code marks (`*`, `` ` ``) dropped. For assertions about what people see rather
 * than how it is encoded.
 */
export const visibleText = (surface: Surface): string =>
  textObjects(surface.blocks)
    .map(({ type, text }) => (type === 'mrkdwn' ? readable(text) : text))
    .join('\n');

/** Every button in a surface's blocks, in order, with its block's id. */
export const findButtons = (surface: Surface): FoundButton[] => {
  const found: FoundButton[] = [];
  for (const block of surface.blocks) {
    if (!isObject(block)) continue;
    const blockId = typeof block.block_id === 'string' ? block.block_id : undefined;
    walk(block, (node) => {
      if (node.type !== 'button') return;
      found.push({
        text: isObject(node.text) ? String(node.text.text) : '',
        actionId: typeof node.action_id === 'string' ? node.action_id : undefined,
        value: typeof node.value === 'string' ? node.value : undefined,
        blockId,
        style: typeof node.style === 'string' ? node.style : undefined,
      });
    });
  }
  return found;
};
