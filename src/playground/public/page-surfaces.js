/**
 * The two surfaces the page shows: the channel's messages (ephemeral ones only to the person
 * they are for, as in Slack) and the app's Home tab for the person the visitor is.
 */
import { renderBlocks, renderMessageText } from './block-kit.js';
import { busyWhile } from './page-busy.js';
import { focusWasIn, refocus } from './page-focus.js';

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const timeOf = (ts) =>
  new Date(Number(ts.split('.')[0]) * 1000).toLocaleTimeString('en-US', {
    hour: 'numeric',
    minute: '2-digit',
  });

const authorOf = (message, page) => {
  switch (message.author.kind) {
    case 'app':
      return { name: page.session.appName, badge: 'APP', initials: 'SMS', kind: 'app' };
    case 'slackbot':
      return { name: 'Slackbot', badge: undefined, initials: 'SB', kind: 'slackbot' };
    default: {
      const person = page.ctx.people.get(message.author.userId);
      const name = person?.displayName ?? message.author.userId;
      return { name, badge: undefined, initials: [...name][0] ?? '?', kind: 'person' };
    }
  }
};

const messageNode = (message, page, lastControls) => {
  const author = authorOf(message, page);
  const item = el('li', `message message-${author.kind}`);
  item.dataset.ts = message.ts;
  item.dataset.revision = String(message.revision);
  item.tabIndex = -1;
  const head = el('div', 'message-head');
  const avatar = el('span', `avatar avatar-${author.kind}`, author.initials);
  avatar.setAttribute('aria-hidden', 'true');
  head.append(avatar, el('span', 'message-author', author.name));
  if (author.badge) head.append(el('span', 'badge', author.badge));
  head.append(el('span', 'message-time', timeOf(message.ts)));
  if (message.visibleTo !== undefined) head.append(el('span', 'ephemeral', 'Only visible to you'));
  if (message.threadTs !== undefined) {
    item.classList.add('message-thread-reply');
    item.dataset.threadTs = message.threadTs;
    head.append(el('span', 'thread-note', 'reply in thread'));
  }
  const body = el('div', 'message-body');
  if (message.author.kind === 'person') {
    body.append(el('code', 'typed-command', message.text));
  } else if (message.blocks.length > 0) {
    const surface = {
      ctx: page.ctx,
      selections: {},
      onAction: (blockId, actionId, selection, control, confirmed) => {
        lastControls.set(message.ts, { blockId, actionId });
        return busyWhile(control, () =>
          page.act({
            surface: { kind: 'message', ts: message.ts },
            blockId,
            actionId,
            selection,
            selections: surface.selections,
            ...(confirmed ? { confirmed } : {}),
          }),
        );
      },
    };
    body.append(renderBlocks(message.blocks, surface));
  } else {
    body.append(renderMessageText(message.text, page.ctx));
  }
  for (const file of message.files ?? []) {
    const link = el(
      'a',
      'file',
      `${file.title} (${file.name}, ${file.size.toLocaleString()} bytes)`,
    );
    link.href = `/files/${encodeURIComponent(file.id)}`;
    link.download = file.name;
    body.append(link);
  }
  item.append(head, body);
  return item;
};

/** The channel's timeline in `list`, with `empty` shown while there is nothing to show. */
export const createTimelineView = (list, empty, page) => {
  const messages = new Map();
  const lastControls = new Map();
  const clearedKey = 'playground.timeline.clearedThrough';
  let clearedThrough = sessionStorage.getItem(clearedKey) ?? '';
  const visible = (message) =>
    message.ts > clearedThrough &&
    (message.visibleTo === undefined || message.visibleTo === page.me()) &&
    (message.visitor === undefined || message.visitor === page.visitor);
  const refreshEmpty = () => {
    empty.hidden = list.children.length > 0;
  };
  const place = (message) => {
    const existing = list.querySelector(`li[data-ts="${CSS.escape(message.ts)}"]`);
    if (!visible(message)) {
      existing?.remove();
      return;
    }
    const node = messageNode(message, page, lastControls);
    if (existing) {
      const hadFocus = focusWasIn(existing);
      existing.replaceWith(node);
      if (hadFocus) refocus(node, lastControls.get(message.ts), node);
      return;
    }
    const later = [...list.children].find((child) => child.dataset.ts > message.ts);
    list.insertBefore(node, later ?? null);
    node.scrollIntoView({ block: 'nearest' });
  };
  return {
    reset: (all) => {
      messages.clear();
      list.replaceChildren();
      for (const message of all) messages.set(message.ts, message);
      for (const message of messages.values()) place(message);
      refreshEmpty();
    },
    upsert: (message) => {
      messages.set(message.ts, message);
      place(message);
      refreshEmpty();
    },
    remove: (ts) => {
      messages.delete(ts);
      list.querySelector(`li[data-ts="${CSS.escape(ts)}"]`)?.remove();
      refreshEmpty();
    },
    rerender: () => {
      list.replaceChildren();
      for (const message of messages.values()) place(message);
      refreshEmpty();
    },
    /**
     * Hides every message up to now from this browser tab (kept across reloads of the tab); other
     * visitors' views are left alone.
     */
    clear: () => {
      const newest = [...messages.keys()].sort().at(-1);
      if (newest !== undefined && newest > clearedThrough) clearedThrough = newest;
      sessionStorage.setItem(clearedKey, clearedThrough);
      list.replaceChildren();
      refreshEmpty();
    },
  };
};

/** The Home tab of whoever the visitor is, in `container`. */
export const createHomeView = (container, page) => {
  const homes = new Map();
  let lastControl;
  const show = () => {
    const home = homes.get(page.me());
    container.replaceChildren();
    if (home === undefined) {
      container.dataset.revision = '0';
      container.append(el('p', 'empty', 'Opening the Home tab…'));
      return;
    }
    const hadFocus = focusWasIn(container) && lastControl !== undefined;
    container.dataset.revision = String(home.revision);
    const surface = {
      ctx: page.ctx,
      selections: {},
      onAction: (blockId, actionId, selection, control, confirmed) => {
        lastControl = { blockId, actionId };
        return busyWhile(control, () =>
          page.act({
            surface: { kind: 'home' },
            blockId,
            actionId,
            selection,
            selections: surface.selections,
            ...(confirmed ? { confirmed } : {}),
          }),
        );
      },
    };
    container.append(renderBlocks(home.view.blocks, surface));
    if (hadFocus) refocus(container, lastControl, container);
  };
  return {
    reset: (all) => {
      homes.clear();
      for (const home of all) homes.set(home.userId, home);
      show();
    },
    upsert: (home) => {
      homes.set(home.userId, home);
      if (home.userId === page.me()) show();
    },
    show,
    /** Says the app did not publish a Home tab, keeping whatever is shown otherwise. */
    missing: (why) => {
      if (homes.has(page.me())) return;
      container.replaceChildren(el('p', 'empty', why));
    },
  };
};
