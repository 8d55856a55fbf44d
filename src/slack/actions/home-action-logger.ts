import type { AppLogger } from '../../logger.js';

/**
 * The logger of one action on the Home tab (or in a modal opened from it): every line says it was
 * a Home action, which one, and who acted, in one shape for every Home listener.
 */
export const homeActionLogger = (logger: AppLogger, action: string, actor: string): AppLogger =>
  logger.child({ kind: 'home-action', action, user: actor });
