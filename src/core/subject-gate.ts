import type { Subject } from '../domain/subject.js';
import { AppError, type ErrorCode, toAppError } from '../errors.js';
import type { SessionQuery } from '../query/types.js';
import type { SubjectModel } from '../render/types.js';
import type { AccessPolicy } from '../users/access.js';
import type { IdentityResolver } from '../users/resolve-identity.js';
import type { AuditTrail } from './audit-trail.js';
import { resolveSubjectModel } from './subject-model.js';

/** Audit filter values, as the store keeps them. */
export type AuditFilters = Readonly<Record<string, string | number>>;

/** What one guarded use of a subject's sessions is recorded as. */
export interface GateRequest {
  /** The audit entry's `action`: `open`, `conversation-page`, `export`, `share`. */
  readonly action: string;
  readonly filters: AuditFilters;
}

/** What the guarded work reports back for the audit entry. */
export interface GateOutcome<T> {
  readonly value: T;
  /** How many sessions or messages reached the actor (or the channel). */
  readonly resultCount: number;
  /** Why the work stopped short (an error code), when it did but still has a value. */
  readonly reason?: ErrorCode;
  /** Filters only known once the work ran. */
  readonly filters?: AuditFilters;
}

/**
 * Codes that mean "this was refused", not "this failed": a work that throws one is recorded with
 * `allowed: false`, like a refusal of the subject itself.
 */
const REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'FORBIDDEN',
  'OUTSIDE_WORKSPACE',
  'BAD_BUTTON',
]);

/**
 * The way every feature beyond the listing (reading a conversation, exporting, sharing) reaches a
 * subject's sessions: the one {@link AccessPolicy} decides first (a refusal never reaches Zoom),
 * the subject is resolved to its Zoom user, the work runs, and exactly one audit entry says what
 * happened, allowed or refused, complete or not.
 */
export interface SubjectGate {
  /**
   * Runs `work` for `actor` on `subject`'s sessions.
   * @throws AppError `FORBIDDEN` (nothing else runs), `NOT_LINKED`, or whatever `work` throws.
   */
  run<T>(
    actor: string,
    subject: Subject,
    request: GateRequest,
    work: (subject: SubjectModel) => Promise<GateOutcome<T>>,
  ): Promise<T>;
}

/** What {@link createSubjectGate} needs: the shared identity services (src/core/identity-services.ts). */
export interface SubjectGateDeps {
  readonly access: AccessPolicy;
  readonly identities: IdentityResolver;
  readonly audit: AuditTrail;
}

/** A listing's query as the audit trail keeps it, in Zoom's terms. */
export const queryFilters = (query: SessionQuery): AuditFilters => ({
  from: query.from,
  to: query.to,
  type: query.sessionType,
  filter: query.filterType,
  ...(query.phoneNumber === undefined ? {} : { phone: query.phoneNumber }),
  size: query.pageSize,
});

/** Builds the gate over the app's one access policy, identity resolver and audit trail. */
export const createSubjectGate = (deps: SubjectGateDeps): SubjectGate => {
  const resolve = (subject: Subject, isSelf: boolean): Promise<SubjectModel> =>
    resolveSubjectModel(deps.identities, subject, isSelf);

  return {
    run: async (actor, subject, request, work) => {
      const entry = {
        actorSlackUserId: actor,
        ...(subject.kind === 'slack-user'
          ? { subjectSlackUserId: subject.slackUserId }
          : { subjectZoomUser: subject.zoomUser }),
        action: request.action,
        filters: request.filters,
      };
      const decision = await deps.access.authorize(actor, { kind: 'view', subject });
      if (!decision.allowed) {
        await deps.audit.record({ ...entry, allowed: false, reason: decision.code });
        throw new AppError(decision.code, `Not allowed to ${request.action} these SMS sessions`);
      }
      let resolved: SubjectModel | undefined;
      try {
        resolved = await resolve(subject, decision.grant === 'self');
        const outcome = await work(resolved);
        await deps.audit.record({
          ...entry,
          subjectZoomUser: resolved.zoomUser,
          filters: { ...request.filters, ...outcome.filters },
          resultCount: outcome.resultCount,
          allowed: true,
          ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
        });
        return outcome.value;
      } catch (error) {
        const code = toAppError(error).code;
        await deps.audit.record({
          ...entry,
          ...(resolved === undefined ? {} : { subjectZoomUser: resolved.zoomUser }),
          allowed: !REFUSALS.has(code),
          reason: code,
        });
        throw error;
      }
    },
  };
};
