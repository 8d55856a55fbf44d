/**
 * Parsed `mrkdwn` and plain text as DOM nodes. Every piece of text goes in as a text node, so
 * nothing the app (or Zoom, through the app) sends can become markup on the page.
 */
import { withEmoji } from './emoji.js';
import { parseMrkdwn } from './mrkdwn.js';
import { formatSlackDate } from './slack-date.js';

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const personName = (id, ctx) => {
  const person = ctx.people.get(id);
  return person === undefined ? id : person.displayName;
};

const channelName = (node, ctx) => node.label ?? ctx?.channels?.get(node.id) ?? node.id;

/** A parsed node as the words a screen reader should hear: no mrkdwn marks, names for ids. */
const wordsOf = (node, ctx) => {
  switch (node.type) {
    case 'text':
    case 'code':
    case 'pre':
    case 'emoji':
      return node.text ?? '';
    case 'bold':
    case 'italic':
    case 'strike':
    case 'quote':
      return node.children.map((child) => wordsOf(child, ctx)).join('');
    case 'br':
      return ' ';
    case 'link':
      return node.label;
    case 'user':
      return `@${node.label ?? (ctx ? personName(node.id, ctx) : node.id)}`;
    case 'channel':
      return `#${channelName(node, ctx)}`;
    case 'usergroup':
      return node.label ?? `@${node.id}`;
    case 'broadcast':
      return `@${node.name}`;
    case 'date':
      return node.fallback;
    default:
      return '';
  }
};

const renderNode = (node, ctx) => {
  switch (node.type) {
    case 'text':
      return document.createTextNode(node.text);
    case 'bold':
    case 'italic':
    case 'strike': {
      const tag = { bold: 'strong', italic: 'em', strike: 's' }[node.type];
      const wrapper = el(tag);
      wrapper.append(...node.children.map((child) => renderNode(child, ctx)));
      return wrapper;
    }
    case 'code':
      return el('code', 'mrkdwn-code', node.text);
    case 'pre':
      return el('pre', 'mrkdwn-pre', node.text);
    case 'quote': {
      const quote = el('blockquote', 'mrkdwn-quote');
      quote.append(...node.children.map((child) => renderNode(child, ctx)));
      return quote;
    }
    case 'br':
      return el('br');
    case 'link': {
      const link = el('a', 'mrkdwn-link', node.label);
      link.href = node.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      return link;
    }
    case 'user':
      return el('span', 'mention', `@${node.label ?? personName(node.id, ctx)}`);
    case 'channel':
      return el('span', 'mention', `#${channelName(node, ctx)}`);
    case 'usergroup':
      return el('span', 'mention', node.label ?? `@${node.id}`);
    case 'broadcast':
      return el('span', 'mention mention-broadcast', `@${node.name}`);
    case 'date': {
      const text = formatSlackDate(node.unix, node.format, ctx);
      const time = el('time', 'slack-date', text);
      time.dateTime = new Date(node.unix * 1000).toISOString();
      time.title = node.fallback;
      return time;
    }
    case 'emoji': {
      const emoji = el('span', 'emoji', node.text);
      emoji.setAttribute('role', 'img');
      emoji.setAttribute('aria-label', node.name.replaceAll('_', ' '));
      return emoji;
    }
    default:
      return document.createTextNode('');
  }
};

/**
 * `mrkdwn` text as a fragment. `ctx` gives the people (for mentions), `now` and the `timeZone`
 * date tokens are shown in.
 */
export const renderMrkdwn = (text, ctx) => {
  const fragment = document.createDocumentFragment();
  fragment.append(...parseMrkdwn(text).map((node) => renderNode(node, ctx)));
  return fragment;
};

/** A Block Kit text object (`mrkdwn` or `plain_text`, emoji on request) as a fragment. */
export const renderTextObject = (object, ctx) => {
  if (object === undefined || object === null || typeof object.text !== 'string') {
    return document.createDocumentFragment();
  }
  if (object.type === 'mrkdwn') return renderMrkdwn(object.text, ctx);
  const fragment = document.createDocumentFragment();
  fragment.append(object.emoji === false ? object.text : withEmoji(object.text));
  return fragment;
};

/**
 * The words of a text object, for labels and `aria-label`s: `mrkdwn` is read as Slack shows it
 * (no `*` or `_` marks, mentions and channels by name), so an accessible name never carries
 * markup.
 */
export const plainTextOf = (object, ctx) => {
  if (object === undefined || object === null || typeof object.text !== 'string') return '';
  if (object.type !== 'mrkdwn') return withEmoji(object.text);
  const words = parseMrkdwn(object.text)
    .map((node) => wordsOf(node, ctx))
    .join('');
  return withEmoji(words.replace(/\s+/g, ' ').trim());
};
