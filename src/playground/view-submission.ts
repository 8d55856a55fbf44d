import { initialValue, stateEntry } from './interactions.js';
import type { Modals } from './modals.js';
import type { PlaygroundPerson } from './people.js';
import type { BlockJson } from './surface-ids.js';
import type { VisitorResult } from './visitor-actions.js';

/**
 * The `state.values` of a submitted modal: for every input block, its element's value as the
 * page last saw it (`values`, by block and action id) or, untouched, its initial one, in Slack's
 * shape (`{ [block_id]: { [action_id]: { type, value | selected_option | selected_date |
 * selected_user | selected_conversation } } }`). Only input blocks are part of a view's
 * submitted state; a value the element could not hold is left out, as Slack would never send it.
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
 */
export const submissionState = (
  blocks: readonly BlockJson[],
  values: Readonly<Record<string, Readonly<Record<string, string | null>>>>,
  people: readonly PlaygroundPerson[] = [],
): Record<string, Record<string, unknown>> => {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of blocks) {
    const element = block.element as BlockJson | undefined;
    if (block.type !== 'input' || element === undefined) continue;
    const blockId = String(block.block_id);
    const actionId = String(element.action_id);
    const chosen = values[blockId];
    const value =
      chosen !== undefined && Object.hasOwn(chosen, actionId)
        ? chosen[actionId]
        : initialValue(element);
    const entry = stateEntry(element, value, people);
    if (entry !== undefined) state[blockId] = { [actionId]: entry };
  }
  return state;
};

const parse = (body: string): Record<string, unknown> | undefined => {
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Applies the app's acknowledgement of a `view_submission` as Slack does: no body closes the
 * modal; `response_action` `errors` shows each message under its input and keeps what was typed;
 * `update` replaces the modal, `push` stacks a new one, `clear` closes them all.
 * https://docs.slack.dev/surfaces/modals#handling_submissions
 */
export const applySubmissionAnswer = (
  body: string,
  target: { readonly userId: string; readonly viewId: string; readonly modals: Modals },
): VisitorResult => {
  const { userId, viewId, modals } = target;
  if (body.trim() === '') {
    modals.close(userId, viewId);
    return { ok: true };
  }
  const answer = parse(body);
  switch (answer?.response_action) {
    case 'errors': {
      const errors = answer.errors;
      if (typeof errors !== 'object' || errors === null)
        return { ok: false, error: 'invalid_errors' };
      modals.showErrors(
        viewId,
        Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, String(v)])),
      );
      return { ok: true };
    }
    case 'update': {
      const updated = modals.update(viewId, answer.view);
      return updated.ok ? { ok: true } : updated;
    }
    case 'push': {
      const pushed = modals.push(userId, answer.view);
      return pushed.ok ? { ok: true } : pushed;
    }
    case 'clear':
      for (const view of [...modals.stack(userId)].reverse()) modals.close(userId, view.id);
      return { ok: true };
    default:
      return { ok: false, error: 'invalid_response_action' };
  }
};
