import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock.js';
import type { AppLogger } from '../logger.js';
import type { Store } from '../store/types.js';
import { type AccessPolicy, createAccessPolicy } from '../users/access.js';
import { createStorePersonCache } from '../users/person-cache.js';
import { createIdentityResolver, type IdentityResolver } from '../users/resolve-identity.js';
import { createSlackDirectory, type SlackDirectory } from '../users/slack-directory.js';
import { createOutsiderCheck, type WorkspaceBoundary } from '../users/workspace.js';
import { createWorkspaceAdminCheck } from '../users/workspace-admins.js';
import type { ZoomApi } from '../zoom/types.js';
import { type AuditPruner, createAuditPruner } from './audit-pruner.js';
import { type AuditTrail, createAuditTrail } from './audit-trail.js';
import { AUDIT_BATCH } from './audit-writer.js';
import { createIdentityCore } from './identity.js';
import type { IdentityCore } from './identity-types.js';

/** Who is whom and who may see what, built once for the app. */
export interface IdentityServices {
  readonly directory: SlackDirectory;
  readonly identities: IdentityResolver;
  readonly access: AccessPolicy;
  readonly audit: AuditTrail;
  readonly pruner: AuditPruner;
  readonly identity: IdentityCore;
}

/** What {@link createIdentityServices} needs from the composition root. */
export interface IdentityServicesDeps {
  readonly store: Store;
  readonly slack: WebClient;
  readonly zoom: ZoomApi;
  readonly clock: Clock;
  readonly logger: AppLogger;
  /** `ADMIN_SLACK_USER_IDS`. */
  readonly adminSlackUserIds: readonly string[];
  /** `ADMINS_INCLUDE_WORKSPACE_ADMINS`. */
  readonly includeWorkspaceAdmins: boolean;
  /** `AUDIT_RETENTION_DAYS`. */
  readonly auditRetentionDays: number;
  /** Key of the pseudonyms in audit log lines (`AppKeys.pseudonym`). */
  readonly pseudonymKey: Buffer;
  /** Who counts as this workspace (src/users/workspace.ts). */
  readonly boundary: WorkspaceBoundary;
}

/**
 * Wires the Slack directory, the identity resolver, the one access policy, the audit trail (and
 * its pruner) and the identity core over one store, so every entry point shares them. Workspace
 * admins are asked of Slack only when `includeWorkspaceAdmins` is on.
 */
export const createIdentityServices = (deps: IdentityServicesDeps): IdentityServices => {
  const { store, clock } = deps;
  const directory = createSlackDirectory(deps.slack, createStorePersonCache(store));
  const identities = createIdentityResolver({
    store,
    directory,
    isMember: (person) => deps.boundary.isMember(person),
  });
  const access = createAccessPolicy({
    adminSlackUserIds: deps.adminSlackUserIds,
    isOutsider: createOutsiderCheck({ directory, boundary: deps.boundary }),
    ...(deps.includeWorkspaceAdmins
      ? { isWorkspaceAdmin: createWorkspaceAdminCheck({ directory, store }) }
      : {}),
  });
  const audit = createAuditTrail({
    store,
    clock,
    batch: AUDIT_BATCH,
    logger: deps.logger.child({ component: 'audit' }),
    pseudonymKey: deps.pseudonymKey,
  });
  const pruner = createAuditPruner({
    store,
    clock,
    logger: deps.logger.child({ component: 'audit' }),
    retentionDays: deps.auditRetentionDays,
  });
  const identity = createIdentityCore({
    zoom: deps.zoom,
    store,
    directory,
    identities,
    access,
    audit,
    clock,
  });
  return { directory, identities, access, audit, pruner, identity };
};
