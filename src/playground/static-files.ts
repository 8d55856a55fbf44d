import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { sendText } from './http-io.js';

/** The page's files, beside this module; served as they are, with no build step. */
export const PUBLIC_DIR = new URL('./public/', import.meta.url);

/** Every file the page may load, with its type. Nothing else under `public/` is served. */
export const PUBLIC_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'playground.css': 'text/css; charset=utf-8',
  'page.js': 'text/javascript; charset=utf-8',
  'page-surfaces.js': 'text/javascript; charset=utf-8',
  'page-modal.js': 'text/javascript; charset=utf-8',
  'page-busy.js': 'text/javascript; charset=utf-8',
  'page-focus.js': 'text/javascript; charset=utf-8',
  'block-kit.css': 'text/css; charset=utf-8',
  'block-kit.js': 'text/javascript; charset=utf-8',
  'block-elements.js': 'text/javascript; charset=utf-8',
  'confirm-dialog.js': 'text/javascript; charset=utf-8',
  'mrkdwn.js': 'text/javascript; charset=utf-8',
  'mrkdwn-dom.js': 'text/javascript; charset=utf-8',
  'slack-date.js': 'text/javascript; charset=utf-8',
  'emoji.js': 'text/javascript; charset=utf-8',
};

/**
 * Only the page's own files, scripts and styles; no inline script, no other origin. The page
 * renders the app's text with DOM text nodes, and this is the second line of defence.
 * https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy
 */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Serves `name` from {@link PUBLIC_FILES}; returns false when it is not one of them. */
export const servePublicFile = async (name: string, response: ServerResponse): Promise<boolean> => {
  const type = Object.hasOwn(PUBLIC_FILES, name) ? PUBLIC_FILES[name] : undefined;
  if (type === undefined) return false;
  const text = await readFile(new URL(name, PUBLIC_DIR), 'utf8');
  sendText(response, 200, text, type, { 'content-security-policy': PAGE_CONTENT_SECURITY_POLICY });
  return true;
};
