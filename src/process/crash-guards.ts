import type { AppLogger } from '../logger.js';

/** The part of `process` the guards listen on (tests pass an EventEmitter). */
export interface CrashSource {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

/**
 * Keeps one stray failure from taking every person's request down with it: an unhandled
 * rejection or an uncaught exception is logged at `error` (with its stack, for whoever fixes
 * it) and the process keeps serving. Every request path already answers its own failures
 * (src/slack/deliver.ts) and Bolt's `app.error` is the net for listeners, so what reaches here
 * is a bug in background work, not a person waiting. Node's default would exit the process.
 * https://nodejs.org/api/process.html#event-uncaughtexception
 * @returns a function that removes the guards.
 */
export const installCrashGuards = (source: CrashSource, logger: AppLogger): (() => void) => {
  const onRejection = (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled rejection');
  };
  const onException = (error: Error) => {
    logger.error({ err: error }, 'uncaught exception');
  };
  source.on('unhandledRejection', onRejection);
  source.on('uncaughtException', onException);
  return () => {
    source.off('unhandledRejection', onRejection);
    source.off('uncaughtException', onException);
  };
};
