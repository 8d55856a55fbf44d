/**
 * Block Kit's interactive elements as native controls (so keyboard and screen readers work as
 * they do everywhere): buttons, static selects, user and conversation selects, checkboxes and
 * date pickers. Each reports a
 * click or a choice through `surface.onAction(blockId, actionId, selection)`.
 * https://docs.slack.dev/reference/block-kit/block-elements
 */
import { askToConfirm } from './confirm-dialog.js';
import { plainTextOf, renderTextObject } from './mrkdwn-dom.js';
import { tagControl } from './page-focus.js';

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const remember = (surface, blockId, actionId, value) => {
  surface.selections[blockId] = { ...surface.selections[blockId], [actionId]: value };
};

const optionsOf = (element) => [
  ...(element.options ?? []).map((option) => ({ option, group: undefined })),
  ...(element.option_groups ?? []).flatMap((group) =>
    (group.options ?? []).map((option) => ({ option, group: plainTextOf(group.label) })),
  ),
];

const button = (element, blockId, surface) => {
  const node = el('button', `bk-button${element.style ? ` bk-button-${element.style}` : ''}`);
  node.type = 'button';
  node.textContent = plainTextOf(element.text);
  if (element.accessibility_label) node.setAttribute('aria-label', element.accessibility_label);
  node.addEventListener('click', async () => {
    if (element.url) surface.ctx.openLink?.(element.url);
    if (element.confirm === undefined) {
      surface.onAction(blockId, element.action_id, undefined, node);
    } else if (await askToConfirm(element.confirm, surface.ctx)) {
      surface.onAction(blockId, element.action_id, undefined, node, true);
    }
  });
  return node;
};

const select = (label, choices, initial, onChoose) => {
  const node = el('select', 'bk-select');
  node.setAttribute('aria-label', label);
  const placeholder = el('option', undefined, label);
  placeholder.value = '';
  placeholder.disabled = true;
  node.append(placeholder);
  const groups = new Map();
  for (const choice of choices) {
    const option = el('option', undefined, choice.text);
    option.value = choice.value;
    if (choice.group === undefined) node.append(option);
    else {
      if (!groups.has(choice.group)) {
        const group = el('optgroup');
        group.label = choice.group;
        groups.set(choice.group, group);
        node.append(group);
      }
      groups.get(choice.group).append(option);
    }
  }
  node.value = initial ?? '';
  node.addEventListener('change', () => onChoose(node.value, node));
  return node;
};

const staticSelect = (element, blockId, surface, label) => {
  const choices = optionsOf(element).map(({ option, group }) => ({
    text: plainTextOf(option.text),
    value: String(option.value),
    group,
  }));
  const initial = element.initial_option?.value;
  remember(surface, blockId, element.action_id, initial ?? null);
  return select(label, choices, initial, (value, node) => {
    remember(surface, blockId, element.action_id, value);
    surface.onAction(blockId, element.action_id, value, node);
  });
};

const usersSelect = (element, blockId, surface, label) => {
  const choices = [...surface.ctx.people.values()].map((person) => ({
    text: person.displayName,
    value: person.id,
    group: undefined,
  }));
  remember(surface, blockId, element.action_id, element.initial_user ?? null);
  return select(label, choices, element.initial_user, (value, node) => {
    remember(surface, blockId, element.action_id, value);
    surface.onAction(blockId, element.action_id, value, node);
  });
};

/** The workspace's channels to pick from (the playground has its one channel). */
const conversationsSelect = (element, blockId, surface, label) => {
  const choices = [...(surface.ctx.channels ?? new Map()).entries()].map(([id, name]) => ({
    text: `#${name}`,
    value: id,
    group: undefined,
  }));
  remember(surface, blockId, element.action_id, element.initial_conversation ?? null);
  return select(label, choices, element.initial_conversation, (value, node) => {
    remember(surface, blockId, element.action_id, value);
    surface.onAction(blockId, element.action_id, value, node);
  });
};

/** Checkboxes, one native checkbox an option; the choice is the ticked values, one a line. */
const checkboxes = (element, blockId, surface, label) => {
  const group = el('fieldset', 'bk-checkboxes');
  group.setAttribute('aria-label', label);
  const initial = new Set((element.initial_options ?? []).map((option) => String(option.value)));
  const ticked = () =>
    [...group.querySelectorAll('input:checked')].map((box) => box.value).join('\n') || null;
  remember(surface, blockId, element.action_id, [...initial].join('\n') || null);
  for (const option of element.options ?? []) {
    const row = el('label', 'bk-checkbox');
    const box = el('input');
    box.type = 'checkbox';
    box.value = String(option.value);
    box.checked = initial.has(box.value);
    const words = el('span', 'bk-checkbox-text');
    words.append(renderTextObject(option.text, surface.ctx));
    if (option.description) {
      const description = el('span', 'bk-checkbox-description');
      description.append(renderTextObject(option.description, surface.ctx));
      words.append(description);
    }
    row.append(box, words);
    box.addEventListener('change', () => {
      const value = ticked();
      remember(surface, blockId, element.action_id, value);
      surface.onAction(blockId, element.action_id, value, box);
    });
    group.append(row);
  }
  return group;
};

const datepicker = (element, blockId, surface, label) => {
  const node = el('input', 'bk-datepicker');
  node.type = 'date';
  node.setAttribute('aria-label', label);
  node.value = element.initial_date ?? '';
  remember(surface, blockId, element.action_id, element.initial_date ?? null);
  node.addEventListener('change', () => {
    remember(surface, blockId, element.action_id, node.value || null);
    if (node.value === '') return;
    surface.onAction(blockId, element.action_id, node.value, node);
  });
  return node;
};

/**
 * A date picker outside an input block shows its placeholder ("From", "To") beside it, as
 * Slack's does: a browser's empty date field ("mm/dd/yyyy") would not tell two pickers apart.
 */
const labelled = (control, text) => {
  const wrapper = el('label', 'bk-datepicker-field');
  wrapper.append(el('span', 'bk-datepicker-label', text), control);
  return wrapper;
};

const triggersOnEnter = (element) =>
  (element.dispatch_action_config?.trigger_actions_on ?? ['on_enter_pressed']).includes(
    'on_enter_pressed',
  );

const textInput = (element, blockId, surface, label, dispatch) => {
  const node = el(element.multiline ? 'textarea' : 'input', 'bk-text-input');
  if (!element.multiline) node.type = 'text';
  node.setAttribute('aria-label', label);
  node.placeholder = plainTextOf(element.placeholder);
  if (element.max_length) node.maxLength = element.max_length;
  node.value = element.initial_value ?? '';
  remember(surface, blockId, element.action_id, element.initial_value || null);
  node.addEventListener('input', () =>
    remember(surface, blockId, element.action_id, node.value || null),
  );
  if (dispatch && triggersOnEnter(element)) {
    node.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || (element.multiline && !event.metaKey && !event.ctrlKey)) return;
      event.preventDefault();
      surface.onAction(blockId, element.action_id, node.value, node);
    });
  }
  return node;
};

const image = (element) => {
  const node = el('span', 'bk-image', element.alt_text ?? 'image');
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', element.alt_text ?? 'image');
  return node;
};

/**
 * One element as a control. `label` names it for assistive technology (the input block's label,
 * else the element's placeholder, else the text beside it). `dispatch` says whether a text input
 * sends its value when Enter is pressed (`dispatch_action`). Elements the playground does not
 * support are shown as such, never silently dropped.
 */
export const renderElement = (element, blockId, surface, label, dispatch = false) => {
  const name = label || plainTextOf(element.placeholder) || 'Choose';
  switch (element.type) {
    case 'button':
      return tagControl(button(element, blockId, surface), blockId, element.action_id);
    case 'static_select':
      return tagControl(staticSelect(element, blockId, surface, name), blockId, element.action_id);
    case 'users_select':
      return tagControl(usersSelect(element, blockId, surface, name), blockId, element.action_id);
    case 'conversations_select':
      return tagControl(
        conversationsSelect(element, blockId, surface, name),
        blockId,
        element.action_id,
      );
    case 'checkboxes':
      return tagControl(checkboxes(element, blockId, surface, name), blockId, element.action_id);
    case 'datepicker': {
      const picker = tagControl(
        datepicker(element, blockId, surface, name),
        blockId,
        element.action_id,
      );
      return label ? picker : labelled(picker, name);
    }
    case 'plain_text_input':
      return tagControl(
        textInput(element, blockId, surface, name, dispatch),
        blockId,
        element.action_id,
      );
    case 'image':
      return image(element);
    default:
      return el('span', 'bk-unsupported', `[${element.type} is not shown in the playground]`);
  }
};
