import type { ValueSeal } from '../../keys/value-seal.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Which values are sealed: every button's `value` (buttons carry the app's page and conversation
 * cursors), and the options of the selects named here (selects whose options carry cursors; the
 * Home tab's filter selects offer fixed words, checked against their lists as they are).
 */
export interface SealPolicy {
  readonly seal: ValueSeal;
  /** `action_id`s of the selects whose option values are sealed. */
  readonly sealedSelects: ReadonlySet<string>;
}

const sealOption = (option: unknown, seal: ValueSeal): unknown =>
  isRecord(option) && typeof option.value === 'string'
    ? { ...option, value: seal.seal(option.value) }
    : option;

/** The values of this node itself that are sealed (not its children's), or `undefined`: none. */
const sealValues = (node: Json, policy: SealPolicy): Json | undefined => {
  const { seal } = policy;
  let values: Json | undefined;
  if (node.type === 'button' && typeof node.value === 'string') {
    values = { value: seal.seal(node.value) };
  }
  if (typeof node.action_id === 'string' && policy.sealedSelects.has(node.action_id)) {
    values ??= {};
    if (Array.isArray(node.options)) values.options = node.options.map((o) => sealOption(o, seal));
    if (Array.isArray(node.option_groups)) {
      values.option_groups = node.option_groups.map((group) =>
        isRecord(group) && Array.isArray(group.options)
          ? { ...group, options: group.options.map((o) => sealOption(o, seal)) }
          : group,
      );
    }
    if (node.initial_option !== undefined) {
      values.initial_option = sealOption(node.initial_option, seal);
    }
  }
  if (typeof node.private_metadata === 'string' && node.private_metadata !== '') {
    values = { ...values, private_metadata: seal.seal(node.private_metadata) };
  }
  return values;
};

/** A node's children, sealed: the array itself when no item changed. */
const sealItems = (items: readonly unknown[], policy: SealPolicy): readonly unknown[] => {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    const sealed = sealOutgoing(item, policy);
    if (sealed !== item) {
      copy ??= items.slice();
      copy[i] = sealed;
    }
  }
  return copy ?? items;
};

/**
 * What the app sends Slack (a message, a view, a Web API call's arguments) with every value a
 * person can send back sealed (see {@link SealPolicy}), and a view's `private_metadata`.
 * `initial_option` is sealed like the option it repeats, so it still matches it. Objects on the
 * way to a sealed value are copied; everything else is shared with `node`, which is never
 * changed: a page's blocks are mostly text, and copying all of it on every answer was most of
 * the cost.
 */
export const sealOutgoing = (node: unknown, policy: SealPolicy): unknown => {
  if (Array.isArray(node)) return sealItems(node, policy);
  if (!isRecord(node)) return node;
  let copy: Json | undefined;
  for (const key of Object.keys(node)) {
    const child = node[key];
    if (typeof child !== 'object' || child === null) continue;
    const sealed = sealOutgoing(child, policy);
    if (sealed === child) continue;
    copy ??= { ...node };
    copy[key] = sealed;
  }
  const sealedValues = sealValues(node, policy);
  if (sealedValues === undefined) return copy ?? node;
  return { ...(copy ?? node), ...sealedValues };
};

/** Stands for a value whose seal failed: no decoder accepts it, so listeners refuse it. */
export const BROKEN_VALUE = '';

const unsealOption = (option: unknown, seal: ValueSeal): boolean => {
  if (!isRecord(option) || typeof option.value !== 'string') return true;
  const value = seal.unseal(option.value);
  option.value = value ?? BROKEN_VALUE;
  return value !== undefined;
};

const unsealElement = (element: Json, actionId: unknown, policy: SealPolicy): boolean => {
  const { seal } = policy;
  let intact = true;
  if (element.type === 'button' && typeof element.value === 'string') {
    const value = seal.unseal(element.value);
    element.value = value ?? BROKEN_VALUE;
    intact = value !== undefined;
  }
  const sealedSelect = typeof actionId === 'string' && policy.sealedSelects.has(actionId);
  if (sealedSelect && element.selected_option !== undefined) {
    intact = unsealOption(element.selected_option, seal) && intact;
  }
  if (sealedSelect && Array.isArray(element.selected_options)) {
    for (const option of element.selected_options) intact = unsealOption(option, seal) && intact;
  }
  return intact;
};

/**
 * Opens the sealed values of an interaction payload in place, before any listener reads them: the
 * actions' values and selected options, the selected options in a view's state, and the view's
 * `private_metadata`. A value whose seal does not verify (edited by hand, from before sealing,
 * signed with a retired key) becomes {@link BROKEN_VALUE}, which every listener refuses as a
 * button that no longer works. Returns whether every sealed value verified.
 */
export const unsealIncoming = (body: unknown, policy: SealPolicy): boolean => {
  const { seal } = policy;
  if (!isRecord(body)) return true;
  let intact = true;
  if (Array.isArray(body.actions)) {
    for (const action of body.actions) {
      if (isRecord(action)) intact = unsealElement(action, action.action_id, policy) && intact;
    }
  }
  const view = body.view;
  if (isRecord(view)) {
    const values = isRecord(view.state) ? view.state.values : undefined;
    if (isRecord(values)) {
      for (const block of Object.values(values)) {
        if (!isRecord(block)) continue;
        for (const [actionId, element] of Object.entries(block)) {
          if (isRecord(element)) intact = unsealElement(element, actionId, policy) && intact;
        }
      }
    }
    if (typeof view.private_metadata === 'string' && view.private_metadata !== '') {
      const metadata = seal.unseal(view.private_metadata);
      view.private_metadata = metadata ?? BROKEN_VALUE;
      intact = metadata !== undefined && intact;
    }
  }
  return intact;
};
