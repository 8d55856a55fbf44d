import type { PlaygroundPerson } from './people.js';
import { type BlockJson, elementsOf, findElement } from './surface-ids.js';

/** A click or a choice on the page, naming the element by its ids. */
export interface PageInteraction {
  readonly blockId: string;
  readonly actionId: string;
  /** The chosen option value, person id, date or typed text (selects, pickers, inputs). */
  readonly selection?: string | null | undefined;
  /** What every select and date picker on the surface shows now, by block and action id. */
  readonly selections?:
    | Readonly<Record<string, Readonly<Record<string, string | null>>>>
    | undefined;
  /**
   * The visitor pressed the confirm button of the element's `confirm` dialog. An element with a
   * `confirm` object is never sent to the app without it: Slack shows the dialog first and
   * sends nothing when it is dismissed.
   */
  readonly confirmed?: boolean | undefined;
}

/** The `actions[0]` and `state.values` Slack would send, or why the click cannot be sent. */
export type BuiltInteraction =
  | {
      readonly ok: true;
      readonly action: Record<string, unknown>;
      readonly state: Record<string, Record<string, unknown>>;
    }
  | { readonly ok: false; readonly error: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const optionsOf = (element: BlockJson): BlockJson[] => {
  const direct = Array.isArray(element.options) ? element.options : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups.flatMap((group: unknown) =>
        typeof group === 'object' && group !== null && Array.isArray((group as BlockJson).options)
          ? ((group as BlockJson).options as unknown[])
          : [],
      )
    : [];
  return [...direct, ...grouped].filter(
    (option): option is BlockJson => typeof option === 'object' && option !== null,
  );
};

const optionWithValue = (element: BlockJson, value: string | null | undefined) =>
  value === null || value === undefined
    ? null
    : (optionsOf(element).find((option) => option.value === value) ?? undefined);

const STATEFUL = new Set([
  'checkboxes',
  'static_select',
  'users_select',
  'conversations_select',
  'datepicker',
  'plain_text_input',
]);

/** A channel id as the playground's workspace writes them. */
const CHANNEL_ID = /^[CDG][A-Z0-9]{2,}$/;

/** Slack's own cap on a text input's value. */
const TEXT_INPUT_MAX_CHARS = 3000;

/**
 * The state entry of a stateful element showing `value` (an option value, user or channel id,
 * date or text), as Slack writes it in `state.values`; `undefined` for a value the element could
 * not show.
 */
export const stateEntry = (
  element: BlockJson,
  value: string | null | undefined,
  people: readonly PlaygroundPerson[],
): Record<string, unknown> | undefined => {
  switch (element.type) {
    case 'static_select': {
      const option = optionWithValue(element, value);
      return option === undefined ? undefined : { type: element.type, selected_option: option };
    }
    case 'users_select': {
      if (value !== null && value !== undefined && !people.some((p) => p.id === value)) {
        return undefined;
      }
      return { type: element.type, selected_user: value ?? null };
    }
    case 'checkboxes': {
      const wanted = value === null || value === undefined || value === '' ? [] : value.split('\n');
      const options = wanted.map((one) => optionWithValue(element, one));
      return options.every((option) => option !== undefined && option !== null)
        ? { type: element.type, selected_options: options }
        : undefined;
    }
    case 'conversations_select':
      if (value !== null && value !== undefined && !CHANNEL_ID.test(value)) return undefined;
      return { type: element.type, selected_conversation: value ?? null };
    case 'datepicker':
      if (value !== null && value !== undefined && !DATE.test(value)) return undefined;
      return { type: element.type, selected_date: value ?? null };
    case 'plain_text_input': {
      const max =
        typeof element.max_length === 'number' ? element.max_length : TEXT_INPUT_MAX_CHARS;
      if (value !== null && value !== undefined && value.length > max) return undefined;
      return { type: element.type, value: value === '' || value === undefined ? null : value };
    }
    default:
      return undefined;
  }
};

/** What an element shows before anyone touches it (its initial option, user, date or text). */
export const initialValue = (element: BlockJson): string | null => {
  if (element.type === 'users_select' && typeof element.initial_user === 'string') {
    return element.initial_user;
  }
  if (element.type === 'conversations_select' && typeof element.initial_conversation === 'string') {
    return element.initial_conversation;
  }
  if (element.type === 'datepicker' && typeof element.initial_date === 'string') {
    return element.initial_date;
  }
  if (element.type === 'plain_text_input' && typeof element.initial_value === 'string') {
    return element.initial_value;
  }
  if (element.type === 'checkboxes' && Array.isArray(element.initial_options)) {
    const ticked = element.initial_options
      .map((option: unknown) =>
        typeof option === 'object' && option !== null ? String((option as BlockJson).value) : '',
      )
      .join('\n');
    return ticked === '' ? null : ticked;
  }
  const initial = element.initial_option;
  if (typeof initial === 'object' && initial !== null && 'value' in initial) {
    return String((initial as BlockJson).value);
  }
  return null;
};

/**
 * Turns a click on the page into what Slack sends for it (refused as `confirmation_required`
 * when the element asks for a confirmation dialog the visitor did not confirm), built from the element the app put on
 * the surface (so its `text`, `value` and options are the app's own, not the page's): the action
 * (`button` with its `value`; `static_select` with the chosen `selected_option`; `users_select`
 * with `selected_user`; `datepicker` with `selected_date`; `plain_text_input` with the `value`
 * sent on Enter) and `state.values` holding what every select, date picker and text input on the
 * surface shows, the chosen one included.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const buildInteraction = (
  blocks: readonly BlockJson[],
  interaction: PageInteraction,
  context: { readonly people: readonly PlaygroundPerson[]; readonly actionTs: string },
): BuiltInteraction => {
  const found = findElement(blocks, interaction.blockId, interaction.actionId);
  if (found === undefined) return { ok: false, error: 'element_not_found' };
  const { element } = found;
  if (element.confirm !== undefined && interaction.confirmed !== true) {
    return { ok: false, error: 'confirmation_required' };
  }
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of blocks) {
    for (const candidate of elementsOf(block)) {
      if (typeof candidate.type !== 'string' || !STATEFUL.has(candidate.type)) continue;
      const blockId = String(block.block_id);
      const actionId = String(candidate.action_id);
      const chosen = interaction.selections?.[blockId];
      const value =
        chosen !== undefined && Object.hasOwn(chosen, actionId)
          ? chosen[actionId]
          : initialValue(candidate);
      const entry = stateEntry(candidate, value, context.people);
      if (entry !== undefined) state[blockId] = { ...state[blockId], [actionId]: entry };
    }
  }
  const base = {
    type: element.type,
    action_id: interaction.actionId,
    block_id: interaction.blockId,
    action_ts: context.actionTs,
  };
  if (element.type === 'button') {
    return {
      ok: true,
      state,
      action: {
        ...base,
        text: element.text,
        ...(element.value === undefined ? {} : { value: element.value }),
        ...(element.style === undefined ? {} : { style: element.style }),
      },
    };
  }
  if (typeof element.type !== 'string' || !STATEFUL.has(element.type)) {
    return { ok: false, error: 'unsupported_element' };
  }
  const entry = stateEntry(element, interaction.selection, context.people);
  if (entry === undefined) return { ok: false, error: 'invalid_selection' };
  state[interaction.blockId] = { ...state[interaction.blockId], [interaction.actionId]: entry };
  const { type: _type, ...selected } = entry;
  const placeholder = element.placeholder === undefined ? {} : { placeholder: element.placeholder };
  return { ok: true, state, action: { ...base, ...selected, ...placeholder } };
};
