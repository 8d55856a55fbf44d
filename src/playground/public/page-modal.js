/**
 * The app's modals for the person the visitor is, in a native `<dialog>` (focus is kept inside,
 * Escape closes, focus returns to where it was). Only the top modal of the stack is shown, as in
 * Slack, with Back (to the view below) when a view was pushed over another.
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
export const createModalView = (dialog, page, close) => {
  const stacks = new Map();
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
    body.replaceChildren(renderBlocks(top.blocks, surface));
    if (top.submit) {
      const submit = el('button', 'bk-button bk-button-primary', top.submit.text);
      submit.type = 'button';
      submit.disabled = true;
      submit.title = 'Submitting a modal is not simulated in the playground';
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
