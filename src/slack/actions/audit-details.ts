import type { BlockButtonAction } from '@slack/bolt';
import { decodeAuditRequest } from '../../core/audit-request.js';
import { renderAuditEntries } from '../../render/audit-entries.js';
import { AUDIT_ACTION_IDS } from '../../surface/ids.js';
import { deliver } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import type { Listeners } from '../listener-table.js';
import { viewerModel } from '../viewer.js';

/**
 * **Show details** / **Hide details** under the audit trail: reads the same entries again (the
 * identity core re-checks that the clicker is an admin) and replaces the answer with or without
 * each entry's raw record.
 * https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export const registerAuditDetailsAction = (app: Listeners, deps: SlackDeps): void => {
  app.action<BlockButtonAction>(
    AUDIT_ACTION_IDS.details,
    async ({ ack, body, action, respond }) => {
      await ack();
      const actor = body.user.id;
      await deliver(
        {
          respond,
          logger: deps.logger.child({ kind: 'action', action: action.action_id, user: actor }),
          replaceOriginal: true,
          viewerContext: () => deps.core.viewerContext(actor),
          viewer: () => viewerModel(deps.access, actor),
          now: () => deps.clock.now(),
        },
        async () => {
          const request = decodeAuditRequest(action.value ?? '');
          const subject =
            request.subjectSlackUserId === undefined
              ? {}
              : { subjectSlackUserId: request.subjectSlackUserId };
          const entries = await deps.identity.auditEntries(actor, {
            ...subject,
            limit: request.limit,
          });
          return renderAuditEntries(
            { entries, ...subject, limit: request.limit, details: request.details },
            await deps.core.viewerContext(actor),
          );
        },
      );
    },
  );
};
