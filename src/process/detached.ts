import { AsyncResource } from 'node:async_hooks';

/**
 * An async context made when this module loaded, before any request: it carries no request's
 * stores, so no slot of the app's async scope (src/process/async-scope.ts: the request and its
 * id in log lines, notice listener, Zoom caller, deadline) and nothing of any other
 * AsyncLocalStorage.
 */
const outsideRequests = new AsyncResource('sms-sessions.detached');

/**
 * Runs `work` outside the current request's async context. A timer or socket created while
 * handling a request keeps that request's `AsyncLocalStorage` stores alive for as long as it
 * lives, and everything they reach (a child logger, the listener's closures): a few kilobytes,
 * harmless for a timer of 100 ms, but the rate limiter arms one timer per person and window that
 * lives up to a day, which kept about 3,000 requests' worth of objects alive after 10,000
 * commands from 2,000 people. Work started here holds only this empty context.
 * https://nodejs.org/api/async_context.html#class-asyncresource
 */
export const runDetached = <T>(work: () => T): T => outsideRequests.runInAsyncScope(work);
