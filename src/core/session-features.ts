import type { AppLogger } from '../logger.js';
import type { Store } from '../store/types.js';
import type { AccessPolicy } from '../users/access.js';
import type { IdentityResolver } from '../users/resolve-identity.js';
import type { ZoomApi } from '../zoom/types.js';
import type { AuditTrail } from './audit-trail.js';
import { type ConversationCore, createConversationCore } from './conversation.js';
import { createExportCore, type ExportCore } from './export.js';
import type { SessionsCore } from './sessions.js';
import { createShareCore, type ShareCore, type SharePolicy } from './share.js';
import { createSubjectGate } from './subject-gate.js';

/** Reading a conversation, exporting a listing and sharing a page, built once for the app. */
export interface SessionFeatures {
  readonly conversation: ConversationCore;
  readonly exporter: ExportCore;
  readonly sharing: ShareCore;
}

/** What {@link createSessionFeatures} needs from the composition root. */
export interface SessionFeaturesDeps {
  /** The app's one Zoom client (rate limiter included), shared with every listing. */
  readonly zoom: ZoomApi;
  readonly store: Store;
  readonly logger: AppLogger;
  readonly sessions: SessionsCore;
  readonly access: AccessPolicy;
  readonly identities: IdentityResolver;
  readonly audit: AuditTrail;
  /** `SHARE_ENABLED`, `SHARE_MASK_NUMBERS`. */
  readonly share: SharePolicy;
  /** `EXPORT_MAX_SESSIONS`. */
  readonly exportMaxSessions: number;
}

/**
 * Wires the three features over one {@link createSubjectGate}, so each goes through the same
 * access policy, identity resolution, audit trail and Zoom client as the listing itself.
 */
export const createSessionFeatures = (deps: SessionFeaturesDeps): SessionFeatures => {
  const gate = createSubjectGate(deps);
  const { zoom, sessions } = deps;
  return {
    conversation: createConversationCore({
      zoom,
      gate,
      sessions,
      store: deps.store,
      logger: deps.logger,
    }),
    exporter: createExportCore({ zoom, gate, sessions, maxSessions: deps.exportMaxSessions }),
    sharing: createShareCore({ zoom, gate, sessions, audit: deps.audit, policy: deps.share }),
  };
};
