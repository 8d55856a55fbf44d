/**
 * Block Kit blocks as DOM: header, section (text, fields, accessory), context, actions, divider,
 * image and input. A block the playground does not know is shown as such, never dropped.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
import { renderElement } from './block-elements.js';
import { plainTextOf, renderMrkdwn, renderTextObject } from './mrkdwn-dom.js';

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const textBox = (object, ctx, className) => {
  const node = el('div', className);
  node.append(renderTextObject(object, ctx));
  return node;
};

const section = (block, surface) => {
  const node = el('div', 'bk-section');
  const body = el('div', 'bk-section-body');
  if (block.text) body.append(textBox(block.text, surface.ctx, 'bk-text'));
  if (Array.isArray(block.fields) && block.fields.length > 0) {
    const fields = el('div', 'bk-fields');
    for (const field of block.fields) fields.append(textBox(field, surface.ctx, 'bk-field'));
    body.append(fields);
  }
  node.append(body);
  if (block.accessory) {
    const accessory = el('div', 'bk-accessory');
    const label = block.text ? plainTextOf(block.text, surface.ctx).slice(0, 80) : undefined;
    accessory.append(renderElement(block.accessory, block.block_id, surface, label));
    node.append(accessory);
  }
  return node;
};

const context = (block, surface) => {
  const node = el('div', 'bk-context');
  for (const element of block.elements ?? []) {
    if (element.type === 'image') {
      node.append(renderElement(element, block.block_id, surface, undefined));
    } else {
      const part = el('span', 'bk-context-item');
      part.append(renderTextObject(element, surface.ctx));
      node.append(part);
    }
  }
  return node;
};

const actions = (block, surface) => {
  const node = el('div', 'bk-actions');
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', 'Actions');
  for (const element of block.elements ?? []) {
    node.append(renderElement(element, block.block_id, surface, undefined, true));
  }
  return node;
};

let controlIds = 0;

const input = (block, surface) => {
  const node = el('div', 'bk-input');
  const text = plainTextOf(block.label);
  const label = el('label', 'bk-input-label', text);
  node.append(label);
  if (block.element) {
    // As in Slack, an input's element sends nothing until the view is submitted, unless the
    // block asks to dispatch its actions; its value is still remembered for the submission.
    const dispatch = block.dispatch_action === true;
    const control = renderElement(
      block.element,
      block.block_id,
      dispatch ? surface : { ...surface, onAction: () => undefined },
      text,
      dispatch,
    );
    controlIds += 1;
    control.id = `bk-control-${controlIds}`;
    label.htmlFor = control.id;
    node.append(control);
  }
  if (block.hint) {
    const hint = textBox(block.hint, surface.ctx, 'bk-input-hint hint');
    hint.id = `bk-hint-${controlIds}`;
    node.lastElementChild?.setAttribute('aria-describedby', hint.id);
    node.append(hint);
  }
  return node;
};

const image = (block) => {
  const node = el('figure', 'bk-image-block');
  if (block.title) node.append(el('figcaption', undefined, plainTextOf(block.title)));
  const picture = el('span', 'bk-image', block.alt_text ?? 'image');
  picture.setAttribute('role', 'img');
  picture.setAttribute('aria-label', block.alt_text ?? 'image');
  node.append(picture);
  return node;
};

const renderBlock = (block, surface) => {
  switch (block.type) {
    case 'header':
      return el('h3', 'bk-header', plainTextOf(block.text));
    case 'section':
      return section(block, surface);
    case 'context':
      return context(block, surface);
    case 'actions':
      return actions(block, surface);
    case 'divider':
      return el('hr', 'bk-divider');
    case 'input':
      return input(block, surface);
    case 'image':
      return image(block);
    default:
      return el('div', 'bk-unsupported', `[${block.type} block is not shown in the playground]`);
  }
};

/**
 * A surface's blocks as a fragment. `surface` holds the render context (`ctx`: people, `now`,
 * `timeZone`), the current `selections` of its selects and date pickers (filled here from their
 * initial values) and `onAction(blockId, actionId, selection, control)`.
 */
export const renderBlocks = (blocks, surface) => {
  const fragment = document.createDocumentFragment();
  for (const block of blocks) fragment.append(renderBlock(block, surface));
  return fragment;
};

/** A message without blocks: its `text`, read as `mrkdwn` as Slack reads it. */
export const renderMessageText = (text, ctx) => {
  const node = el('div', 'bk-text');
  node.append(renderMrkdwn(text, ctx));
  return node;
};
