/**
 * Keeps keyboard focus where the visitor was when the app replaces a surface (a message after a
 * click, the Home tab after a filter, a modal after an update): on the control with the same
 * block and action ids, else on the surface itself, never lost to the page.
 */

/** Marks a control with the ids that find it again after a re-render. */
export const tagControl = (node, blockId, actionId) => {
  node.dataset.blockId = blockId;
  node.dataset.actionId = actionId;
  return node;
};

/** Whether focus is inside `container`, or was lost to the page (a control went away). */
export const focusWasIn = (container) =>
  container.contains(document.activeElement) || document.activeElement === document.body;

/** Focuses the control `last` names inside `container`, else `fallback`. */
export const refocus = (container, last, fallback) => {
  const control =
    last === undefined
      ? null
      : [...container.querySelectorAll('[data-block-id][data-action-id]')].find(
          (node) =>
            node.dataset.blockId === last.blockId && node.dataset.actionId === last.actionId,
        );
  if (control && !control.disabled) control.focus();
  else fallback.focus();
};
