import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether `host` (an interface to bind) is this machine only. */
export const isLoopbackHost = (host: string): boolean =>
  LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

const hostnameOf = (hostHeader: string | undefined): string | undefined => {
  if (hostHeader === undefined) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
};

/**
 * Refuses requests a web page elsewhere could make the visitor's browser send. On a loopback
 * binding the `Host` must name this machine (a DNS-rebinding site cannot pass); a visitor's
 * action must be JSON (a cross-site form cannot send it without a CORS preflight, which is
 * never granted) and, when the browser names an `Origin`, come from the page's own origin.
 * https://owasp.org/www-community/attacks/csrf
 */
export const refusalOf = (
  request: IncomingMessage,
  options: { readonly loopbackOnly: boolean; readonly visitorAction: boolean },
): string | undefined => {
  const host = request.headers.host;
  const hostname = hostnameOf(host);
  if (options.loopbackOnly && (hostname === undefined || !LOOPBACK_NAMES.has(hostname))) {
    return 'unexpected Host header';
  }
  if (!options.visitorAction) return undefined;
  if (!request.headers['content-type']?.startsWith('application/json')) {
    return 'expected application/json';
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return 'cross-origin request';
  return undefined;
};
