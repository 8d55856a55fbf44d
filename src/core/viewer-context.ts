import type { Clock } from '../clock.js';
import { safeTimeZone } from '../query/time-zone.js';
import type { RenderContext } from '../render/types.js';
import type { SlackDirectory } from '../users/slack-directory.js';

/** What {@link createViewerContext} needs. */
export interface ViewerContextDeps {
  readonly directory: SlackDirectory;
  readonly clock: Clock;
}

/**
 * The render context of whoever asked: the time now and their time zone from their Slack
 * profile (a zone Slack names that this runtime does not know reads as UTC), so every page and
 * answer shows dates in the viewer's own days.
 * https://docs.slack.dev/reference/methods/users.info
 */
export const createViewerContext =
  (deps: ViewerContextDeps) =>
  async (actor: string): Promise<RenderContext> => {
    const viewer = await deps.directory.getPerson(actor);
    return { now: deps.clock.now(), timeZone: safeTimeZone(viewer.timeZone) };
  };
