import type { Clock } from '../clock.js';
import type { SessionsCore } from '../core/sessions.js';
import type { AppLogger } from '../logger.js';

/** What every listener may use; built once in the composition root (src/app.ts). */
export interface SlackDeps {
  readonly core: SessionsCore;
  readonly logger: AppLogger;
  readonly clock: Clock;
}
