import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AppLogger } from '../../logger.js';
import { type SealPolicy, unsealIncoming } from './seal-surfaces.js';

/**
 * Bolt global middleware that opens the sealed values of every interaction before its listener
 * runs (see {@link unsealIncoming}). A value that fails is logged (never its content) and handed
 * on broken, so the listener answers as for any button that no longer works: a clear message and
 * a fresh start, and no Zoom call.
 * https://docs.slack.dev/tools/bolt-js/concepts/global-middleware
 */
export const createSealGuard = (deps: {
  readonly policy: SealPolicy;
  readonly logger: AppLogger;
}): Middleware<AnyMiddlewareArgs> => {
  const logger = deps.logger.child({ component: 'seal' });
  return async ({ body, next }) => {
    if (!unsealIncoming(body, deps.policy)) {
      logger.warn('an interaction carried a value whose seal does not verify');
    }
    await next();
  };
};
