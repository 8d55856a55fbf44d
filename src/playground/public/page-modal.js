/**
 * The app's modals for the person the visitor is, in a native `<dialog>` (focus is kept inside,
 * Escape closes, focus returns to where it was). Only the top modal of the stack is shown, as in
 * Slack, with Back (to the view below) when a view was pushed over another. Its submit button
 * sends a `view_submission` through the playground's server; errors the app answers with are
 * shown under their inputs.
 */
import { renderBlocks } from './block-kit.js';
import { busyWhile } from './page-busy.js';
import { focusWasIn, refocus } from './page-focus.js';

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The modal dialog: `dialog` holds `#modal-title`, `#modal-close` and `#modal-body`. */
/**
 * The blocks of `view` with what the person had typed into its inputs kept, as Slack keeps input
 * state across `views.update` and `response_action: "errors"` when block and action ids stay the
 * same (an input the app gives an `initial_value` shows that instead).
 */
const withTyped = (blocks, typed) =>
  blocks.map((block) => {
    const value = typed?.[block.block_id]?.[block.element?.action_id];
    if (block.type !== 'input' || value == null || block.element.initial_value !== undefined) {
      return block;
    }
    return { ...block, element: { ...block.element, initial_value: value } };
  });

export const createModalView = (dialog, page, close) => {
  const stacks = new Map();
  const typedByView = new Map();
  const title = dialog.querySelector('#modal-title');
  const closeButton = dialog.querySelector('#modal-close');
  const body = dialog.querySelector('#modal-body');
  let shown;
  let lastControl;

  const requestClose = () => {
    if (shown !== undefined) close(shown.id);
  };
  closeButton.addEventListener('click', requestClose);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    requestClose();
  });

  const show = () => {
    const stack = stacks.get(page.me()) ?? [];
    const top = stack.at(-1);
    shown = top;
    if (top === undefined) {
      if (dialog.open) dialog.close();
      return;
    }
    title.textContent = top.title.text;
    closeButton.textContent = stack.length > 1 ? '← Back' : (top.close?.text ?? 'Cancel');
    dialog.dataset.viewId = top.id;
    dialog.dataset.hash = top.hash;
    const surface = {
      ctx: page.ctx,
      selections: {},
      onAction: (blockId, actionId, selection, control, confirmed) => {
        lastControl = { blockId, actionId };
        return busyWhile(control, () =>
          page.act({
            surface: { kind: 'modal', viewId: top.id },
            blockId,
            actionId,
            selection,
            selections: surface.selections,
            ...(confirmed ? { confirmed } : {}),
          }),
        );
      },
    };
    const hadFocus = dialog.open && focusWasIn(body);
    const blocks = withTyped(top.blocks, typedByView.get(top.id));
    typedByView.clear();
    typedByView.set(top.id, surface.selections);
    body.replaceChildren();
    for (const block of blocks) {
      body.append(renderBlocks([block], surface));
      const error = top.errors?.[block.block_id];
      if (block.type === 'input' && error !== undefined) {
        const note = el('p', 'bk-input-error', error);
        note.setAttribute('role', 'alert');
        body.append(note);
      }
    }
    if (top.submit) {
      const submit = el('button', 'bk-button bk-button-primary', top.submit.text);
      submit.type = 'button';
      submit.dataset.submit = 'true';
      submit.addEventListener('click', () =>
        busyWhile(submit, () => page.submit(top.id, surface.selections)),
      );
      body.append(submit);
    }
    if (!dialog.open) dialog.showModal();
    else if (hadFocus) refocus(body, lastControl, closeButton);
  };

  return {
    reset: (all) => {
      stacks.clear();
      for (const entry of all) stacks.set(entry.userId, entry.stack);
      show();
    },
    upsert: (entry) => {
      stacks.set(entry.userId, entry.stack);
      if (entry.userId === page.me()) show();
    },
    show,
  };
};
