import type { Modals } from './modals.js';
import type { BlockJson } from './surface-ids.js';
import type { VisitorResult } from './visitor-actions.js';

/** Input elements whose typed or chosen value a submission carries, as Slack names them. */
const VALUE_ELEMENTS = new Set(['plain_text_input', 'email_text_input', 'url_text_input']);

/**
 * The `state.values` of a submitted modal: for every input block, its element's value as the
 * page last saw it (`values`, by block and action id), in Slack's shape
 * (`{ [block_id]: { [action_id]: { type, value } } }`). Only input blocks are part of a view's
 * submitted state. https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
 */
export const submissionState = (
  blocks: readonly BlockJson[],
  values: Readonly<Record<string, Readonly<Record<string, string | null>>>>,
): Record<string, Record<string, unknown>> => {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of blocks) {
    const element = block.element as BlockJson | undefined;
    if (block.type !== 'input' || element === undefined) continue;
    const blockId = String(block.block_id);
    const actionId = String(element.action_id);
    const type = String(element.type);
    if (!VALUE_ELEMENTS.has(type)) continue;
    const typed = values[blockId]?.[actionId];
    const initial = typeof element.initial_value === 'string' ? element.initial_value : null;
    state[blockId] = { [actionId]: { type, value: typed === undefined ? initial : typed } };
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
