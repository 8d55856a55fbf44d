/**
 * Slack's confirmation dialog for an element with a `confirm` object: its title, text and two
 * buttons, in a native `<dialog>` (focus kept inside, Escape denies). Resolves `true` only when
 * the visitor presses the confirm button; Slack sends the app nothing otherwise.
 * https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object
 */
import { plainTextOf, renderTextObject } from './mrkdwn-dom.js';

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

let dialogs = 0;

/** Shows `confirm` (a Block Kit confirmation dialog object) and waits for the visitor's answer. */
export const askToConfirm = (confirm, ctx) =>
  new Promise((resolve) => {
    dialogs += 1;
    const dialog = el('dialog', 'modal confirm-dialog');
    const titleId = `confirm-title-${dialogs}`;
    const textId = `confirm-text-${dialogs}`;
    dialog.setAttribute('aria-labelledby', titleId);
    dialog.setAttribute('aria-describedby', textId);
    dialog.setAttribute('role', 'alertdialog');
    const title = el('h2', undefined, plainTextOf(confirm.title) || 'Are you sure?');
    title.id = titleId;
    const text = el('div', 'confirm-text');
    text.id = textId;
    text.append(renderTextObject(confirm.text, ctx));
    const deny = el('button', 'bk-button', plainTextOf(confirm.deny) || 'Cancel');
    deny.type = 'button';
    const yes = el(
      'button',
      `bk-button bk-button-${confirm.style === 'danger' ? 'danger' : 'primary'}`,
      plainTextOf(confirm.confirm) || 'Yes',
    );
    yes.type = 'button';
    yes.dataset.confirm = 'true';
    const buttons = el('div', 'confirm-buttons');
    buttons.append(deny, yes);
    dialog.append(title, text, buttons);
    let answer = false;
    const finish = (value) => {
      answer = value;
      dialog.close();
    };
    deny.addEventListener('click', () => finish(false));
    yes.addEventListener('click', () => finish(true));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    deny.focus();
  });
