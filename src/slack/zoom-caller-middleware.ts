import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AccessPolicy } from '../users/access.js';
import { createZoomCaller, runAsZoomCaller } from '../zoom/zoom-caller.js';

/**
 * Bolt global middleware that runs every listener as its Slack person's Zoom caller
 * (src/zoom/zoom-caller.ts): whatever Zoom calls the listener makes, after the ack or not, are
 * charged to that person and wait in their lane, so nobody can spend everyone's Zoom budget.
 * Admins of the app (`AccessPolicy.isAdmin`) get the larger daily share; they are asked only when
 * a Zoom call is about to be made. Bolt reads the person from every kind of payload
 * (`context.userId`). https://docs.slack.dev/tools/bolt-js/concepts/global-middleware
 */
export const zoomCallerMiddleware =
  (access: Pick<AccessPolicy, 'isAdmin'>): Middleware<AnyMiddlewareArgs> =>
  async ({ context, next }) => {
    const userId = context.userId;
    if (userId === undefined || userId === '') {
      await next();
      return;
    }
    await runAsZoomCaller(
      createZoomCaller(userId, () => access.isAdmin(userId)),
      next,
    );
  };
