/**
 * Slack's `mrkdwn`, parsed into a small tree the page turns into DOM nodes (never HTML strings):
 * `*bold*`, `_italic_`, `~strike~`, `` `code` ``, ```` ``` ```` blocks, `>` quotes, line breaks,
 * `&amp;` `&lt;` `&gt;` escapes, `<@U…>` mentions, `<#C…>` channels, `<!here>` and friends,
 * `<!subteam^…>`, `<!date^…>` tokens, `<url|label>` links and `:emoji:`.
 * https://docs.slack.dev/messaging/formatting-message-text
 */
import { emojiFor } from './emoji.js';

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };
const DELIMITERS = { '*': 'bold', _: 'italic', '~': 'strike' };
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** `&amp;`, `&lt;` and `&gt;` back to the characters they stand for. */
export const decodeEntities = (text) => text.replace(/&(?:amp|lt|gt);/g, (e) => ENTITIES[e]);

const split = (content) => {
  const bar = content.indexOf('|');
  return bar === -1
    ? { target: content, label: undefined }
    : { target: content.slice(0, bar), label: decodeEntities(content.slice(bar + 1)) };
};

/** One `<…>` token (without its brackets) as a node. */
export const parseAngle = (content) => {
  if (content.startsWith('@')) {
    const { target, label } = split(content.slice(1));
    return { type: 'user', id: target, label };
  }
  if (content.startsWith('#')) {
    const { target, label } = split(content.slice(1));
    return { type: 'channel', id: target, label };
  }
  if (content.startsWith('!date^')) {
    const { target, label } = split(content);
    const [, unix, format = '', link] = target.split('^');
    const seconds = Number(unix);
    if (!Number.isInteger(seconds)) return { type: 'text', text: label ?? '' };
    return { type: 'date', unix: seconds, format, link, fallback: label ?? '' };
  }
  if (content.startsWith('!subteam^')) {
    const { target, label } = split(content);
    return { type: 'usergroup', id: target.slice('!subteam^'.length), label };
  }
  if (content.startsWith('!')) {
    const { target, label } = split(content.slice(1));
    return ['here', 'channel', 'everyone'].includes(target)
      ? { type: 'broadcast', name: target }
      : { type: 'text', text: label ?? `<${target}>` };
  }
  const { target, label } = split(content);
  const url = decodeEntities(target);
  return /^(https?:|mailto:)/i.test(url)
    ? { type: 'link', url, label: label ?? url }
    : { type: 'text', text: label ?? url };
};

/** Splits text into atoms: single characters, and nodes that formatting cannot cut into. */
const atomsOf = (text) => {
  const atoms = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const entity = /^&(?:amp|lt|gt);/.exec(rest);
    if (entity) {
      atoms.push({ ch: ENTITIES[entity[0]], literal: true });
      i += entity[0].length;
      continue;
    }
    const code = /^`([^`\n]+)`/.exec(rest);
    if (code) {
      atoms.push({ node: { type: 'code', text: decodeEntities(code[1]) } });
      i += code[0].length;
      continue;
    }
    const angle = /^<([^<>\n]+)>/.exec(rest);
    if (angle) {
      atoms.push({ node: parseAngle(angle[1]) });
      i += angle[0].length;
      continue;
    }
    const emoji = /^:([a-z0-9_+-]+):/.exec(rest);
    if (emoji && emojiFor(emoji[1]) !== undefined) {
      atoms.push({ node: { type: 'emoji', name: emoji[1], text: emojiFor(emoji[1]) } });
      i += emoji[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i));
    atoms.push({ ch });
    i += ch.length;
  }
  return atoms;
};

const isWord = (atom) => atom?.ch !== undefined && WORD.test(atom.ch);
const isSpace = (atom) => atom?.ch !== undefined && SPACE.test(atom.ch);

const canOpen = (atoms, i, from) => {
  const next = atoms[i + 1];
  return (i === from || !isWord(atoms[i - 1])) && next !== undefined && !isSpace(next);
};

const closing = (atoms, i, to) => {
  const ch = atoms[i].ch;
  for (let k = i + 2; k < to; k += 1) {
    const atom = atoms[k];
    if (atom.ch === '\n') return -1;
    if (atom.ch === ch && !atom.literal && !isSpace(atoms[k - 1]) && !isWord(atoms[k + 1])) {
      return k;
    }
  }
  return -1;
};

const format = (atoms, from, to) => {
  const nodes = [];
  let text = '';
  const flush = () => {
    if (text !== '') nodes.push({ type: 'text', text });
    text = '';
  };
  let i = from;
  while (i < to) {
    const atom = atoms[i];
    const kind = atom.literal ? undefined : DELIMITERS[atom.ch];
    if (kind !== undefined && canOpen(atoms, i, from)) {
      const end = closing(atoms, i, to);
      if (end !== -1) {
        flush();
        nodes.push({ type: kind, children: format(atoms, i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (atom.node !== undefined) {
      flush();
      nodes.push(atom.node);
    } else if (atom.ch === '\n') {
      flush();
      nodes.push({ type: 'br' });
    } else {
      text += atom.ch;
    }
    i += 1;
  }
  flush();
  return nodes;
};

/** Inline mrkdwn (one paragraph, line breaks kept) as nodes. */
export const parseInline = (text) => {
  const atoms = atomsOf(text);
  return format(atoms, 0, atoms.length);
};

const QUOTE = /^(?:&gt;|>) ?/;

const parseLines = (segment) => {
  const nodes = [];
  const groups = [];
  for (const line of segment.split('\n')) {
    const quoted = QUOTE.test(line);
    const last = groups.at(-1);
    const text = quoted ? line.replace(QUOTE, '') : line;
    if (last !== undefined && last.quoted === quoted) last.lines.push(text);
    else groups.push({ quoted, lines: [text] });
  }
  for (const [index, group] of groups.entries()) {
    const inline = parseInline(group.lines.join('\n'));
    if (group.quoted) nodes.push({ type: 'quote', children: inline });
    else {
      if (index > 0 && groups[index - 1].quoted && group.lines[0] === '') group.lines.shift();
      nodes.push(...inline);
    }
  }
  return nodes;
};

/**
 * A whole `mrkdwn` text as a list of nodes: `text`, `bold`/`italic`/`strike` (with `children`),
 * `code`, `pre`, `quote`, `br`, `link`, `user`, `channel`, `usergroup`, `broadcast`, `date` and
 * `emoji`. Formatting opens only after a non-word character and closes only before one, on the
 * same line, as Slack's does, so `snake_case` and `2*3*4` stay as written.
 * @param {string} text
 */
export const parseMrkdwn = (text) => {
  const nodes = [];
  const fence = /```([\s\S]*?)```/g;
  let last = 0;
  for (const match of text.matchAll(fence)) {
    if (match.index > last) nodes.push(...parseLines(text.slice(last, match.index)));
    nodes.push({ type: 'pre', text: decodeEntities(match[1].replace(/^\n|\n$/g, '')) });
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(...parseLines(text.slice(last)));
  return nodes;
};
