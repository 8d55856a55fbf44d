import { z } from 'zod';
import { type BlockJson, withSlackIds } from './surface-ids.js';
import { PLAYGROUND_WORKSPACE } from './workspace.js';

/**
 * A modal holds at most 100 blocks; a person has at most three modals stacked.
 * https://docs.slack.dev/surfaces/modals
 */
export const MODAL_MAX_BLOCKS = 100;
/** See {@link MODAL_MAX_BLOCKS}. */
export const MODAL_STACK_MAX = 3;

const plainText = z.object({ type: z.literal('plain_text'), text: z.string().max(24) });

const modalSchema = z.object({
  type: z.literal('modal'),
  title: plainText,
  blocks: z.array(z.unknown()).max(MODAL_MAX_BLOCKS),
  close: plainText.optional(),
  submit: plainText.optional(),
  private_metadata: z.string().max(3000).optional(),
  callback_id: z.string().max(255).optional(),
  external_id: z.string().optional(),
  notify_on_close: z.boolean().optional(),
  clear_on_close: z.boolean().optional(),
});

/** A modal as Slack returns it from `views.open` and sends it in payloads. */
export interface ModalViewJson {
  readonly id: string;
  readonly team_id: string;
  readonly type: 'modal';
  readonly title: { readonly type: 'plain_text'; readonly text: string };
  readonly close: { readonly type: 'plain_text'; readonly text: string } | null;
  readonly submit: { readonly type: 'plain_text'; readonly text: string } | null;
  readonly blocks: readonly BlockJson[];
  readonly private_metadata: string;
  readonly callback_id: string;
  readonly external_id: string;
  readonly state: { readonly values: Record<string, never> };
  readonly hash: string;
  readonly clear_on_close: boolean;
  readonly notify_on_close: boolean;
  readonly root_view_id: string;
  readonly previous_view_id: string | null;
  readonly app_id: string;
  readonly app_installed_team_id: string;
  readonly bot_id: string;
  /**
   * The playground's rendering of a `response_action: "errors"` answer: the message Slack shows
   * under each input, by `block_id`; absent once the view changes.
   */
  readonly errors?: Readonly<Record<string, string>>;
}

/** Slack's answer to `views.open`, `views.push` and `views.update`. */
export type ModalResult =
  | { readonly ok: true; readonly view: ModalViewJson }
  | { readonly ok: false; readonly error: string };

/** One person's open modals, bottom first, after a change. */
export interface ModalStackChange {
  readonly userId: string;
  readonly stack: readonly ModalViewJson[];
}

/** Every person's stack of open modals. */
export interface Modals {
  open(userId: string, view: unknown): ModalResult;
  push(userId: string, view: unknown): ModalResult;
  update(viewId: string, view: unknown, hash?: string): ModalResult;
  /** Closes the top modal (or every one, with `clear_on_close`); returns what was closed. */
  close(userId: string, viewId: string): readonly ModalViewJson[];
  stack(userId: string): readonly ModalViewJson[];
  list(): readonly ModalStackChange[];
  /** Shows `errors` under the inputs of `viewId`, as Slack does for `response_action: "errors"`. */
  showErrors(viewId: string, errors: Readonly<Record<string, string>>): boolean;
}

/**
 * Modals as Slack keeps them: `views.open` starts a person's stack, `views.push` adds to it (at
 * most three), `views.update` replaces one by id (refusing a stale `hash` with `hash_conflict`),
 * closing drops the top one. Every change is reported with the person's whole stack.
 * https://docs.slack.dev/surfaces/modals
 */
export const createModals = (options: {
  readonly onChange: (change: ModalStackChange) => void;
}): Modals => {
  const stacks = new Map<string, ModalViewJson[]>();
  let made = 0;
  const build = (
    data: z.output<typeof modalSchema>,
    id: string,
    rootId: string,
    previous: string | null,
  ): ModalViewJson => {
    made += 1;
    return {
      id,
      team_id: PLAYGROUND_WORKSPACE.teamId,
      type: 'modal',
      title: data.title,
      close: data.close ?? null,
      submit: data.submit ?? null,
      blocks: withSlackIds(data.blocks, `m${made}-`),
      private_metadata: data.private_metadata ?? '',
      callback_id: data.callback_id ?? '',
      external_id: data.external_id ?? '',
      state: { values: {} },
      hash: `${made}.modal`,
      clear_on_close: data.clear_on_close ?? false,
      notify_on_close: data.notify_on_close ?? false,
      root_view_id: rootId,
      previous_view_id: previous,
      app_id: PLAYGROUND_WORKSPACE.appId,
      app_installed_team_id: PLAYGROUND_WORKSPACE.teamId,
      bot_id: PLAYGROUND_WORKSPACE.botId,
    };
  };
  const report = (userId: string) =>
    options.onChange({ userId, stack: [...(stacks.get(userId) ?? [])] });
  const nextId = () => `V0MODAL${String(made + 1).padStart(4, '0')}`;

  const add = (userId: string, view: unknown, fresh: boolean): ModalResult => {
    const parsed = modalSchema.safeParse(view);
    if (!parsed.success) return { ok: false, error: 'invalid_arguments' };
    const stack = fresh ? [] : (stacks.get(userId) ?? []);
    if (!fresh && stack.length === 0) return { ok: false, error: 'not_found' };
    if (stack.length >= MODAL_STACK_MAX) return { ok: false, error: 'push_limit_reached' };
    const id = nextId();
    const below = stack.at(-1);
    const modal = build(parsed.data, id, below?.root_view_id ?? id, below?.id ?? null);
    stacks.set(userId, [...stack, modal]);
    report(userId);
    return { ok: true, view: modal };
  };

  return {
    open: (userId, view) => add(userId, view, true),
    push: (userId, view) => add(userId, view, false),
    update: (viewId, view, hash) => {
      const parsed = modalSchema.safeParse(view);
      if (!parsed.success) return { ok: false, error: 'invalid_arguments' };
      for (const [userId, stack] of stacks) {
        const index = stack.findIndex((modal) => modal.id === viewId);
        const current = stack[index];
        if (current === undefined) continue;
        if (hash !== undefined && hash !== current.hash)
          return { ok: false, error: 'hash_conflict' };
        const modal = build(parsed.data, viewId, current.root_view_id, current.previous_view_id);
        stack[index] = modal;
        report(userId);
        return { ok: true, view: modal };
      }
      return { ok: false, error: 'not_found' };
    },
    close: (userId, viewId) => {
      const stack = stacks.get(userId) ?? [];
      const top = stack.at(-1);
      if (top === undefined || top.id !== viewId) return [];
      const closed = top.clear_on_close ? [...stack] : [top];
      stacks.set(userId, top.clear_on_close ? [] : stack.slice(0, -1));
      report(userId);
      return closed;
    },
    showErrors: (viewId, errors) => {
      for (const [userId, stack] of stacks) {
        const index = stack.findIndex((modal) => modal.id === viewId);
        const current = stack[index];
        if (current === undefined) continue;
        stack[index] = { ...current, errors };
        report(userId);
        return true;
      }
      return false;
    },
    stack: (userId) => [...(stacks.get(userId) ?? [])],
    list: () => [...stacks].map(([userId, stack]) => ({ userId, stack: [...stack] })),
  };
};
