import { createAuditTrail } from '../../src/core/audit-trail.js';
import { createIdentityCore } from '../../src/core/identity.js';
import { createSessionsCore } from '../../src/core/sessions.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createAccessPolicy } from '../../src/users/access.js';
import { createIdentityResolver } from '../../src/users/resolve-identity.js';
import type { SlackPerson } from '../../src/users/slack-directory.js';
import { TEST_PSEUDONYM_KEY } from '../helpers/app-keys.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createCapturingLogger } from '../store/logger.js';
import { createFakeDirectory, createFakeZoom, type FakeZoomUser } from './fakes.js';

/**
 * Both cores over one memory store, a fake Slack directory and a fake Zoom, wired as the app
 * wires them, with every log line kept.
 */
export const createCores = (options: {
  people: readonly SlackPerson[];
  zoomUsers: readonly FakeZoomUser[];
  admins?: readonly string[];
  workspaceAdmins?: boolean;
}) => {
  const clock = createFakeClock('2026-11-26T12:00:00Z');
  const store = createMemoryStore({ clock });
  const slack = createFakeDirectory(options.people);
  const zoom = createFakeZoom(options.zoomUsers);
  const { logger, lines } = createCapturingLogger();
  const identities = createIdentityResolver({ store, directory: slack.directory });
  const access = createAccessPolicy({
    adminSlackUserIds: options.admins ?? [],
    ...(options.workspaceAdmins === true
      ? {
          isWorkspaceAdmin: async (id: string) =>
            (await slack.directory.refreshPerson(id)).isWorkspaceAdmin,
        }
      : {}),
  });
  const audit = createAuditTrail({ store, logger, clock, pseudonymKey: TEST_PSEUDONYM_KEY });
  const deps = {
    zoom: zoom.zoom,
    directory: slack.directory,
    identities,
    access,
    audit,
    clock,
    maxRangeMonths: 12,
  };
  return {
    clock,
    store,
    slack,
    zoom,
    lines,
    sessions: createSessionsCore(deps),
    identity: createIdentityCore({ ...deps, store }),
  };
};
