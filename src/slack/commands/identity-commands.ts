import { renderAuditEntries } from '../../render/audit-entries.js';
import { renderLinkOutcome, renderUnlinkOutcome } from '../../render/identity-link.js';
import { renderWho, renderWhoAmI } from '../../render/identity-resolution.js';
import type { RenderedMessage } from '../../render/types.js';
import type { SlackDeps } from '../deps.js';
import { viewerModel } from '../viewer.js';
import type { IdentityCommand } from './identity-grammar.js';
import type { PersonTarget } from './person.js';

/**
 * Runs one identity subcommand (`link`, `unlink`, `who`, `whoami`, `audit`) for `actor`, the
 * person who typed it, and renders the answer. Who may run what is the core's decision (admins
 * only, except `whoami`); refusals arrive as `AppError`s for the caller's `deliver` to explain.
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export const runIdentityCommand = async (
  command: IdentityCommand,
  actor: string,
  deps: SlackDeps,
): Promise<RenderedMessage> => {
  const idOf = (person: PersonTarget) => (person.kind === 'self' ? actor : person.userId);
  const [base, viewer] = await Promise.all([
    deps.core.viewerContext(actor),
    viewerModel(deps.access, actor),
  ]);
  const ctx = { ...base, viewer };
  switch (command.kind) {
    case 'link':
      return renderLinkOutcome(
        await deps.identity.link(actor, idOf(command.person), command.zoomUser),
        ctx,
      );
    case 'unlink':
      return renderUnlinkOutcome(await deps.identity.unlink(actor, idOf(command.person)), ctx);
    case 'who':
      return renderWho(await deps.identity.who(actor, idOf(command.person)), ctx);
    case 'whoami':
      return renderWhoAmI(await deps.identity.whoami(actor), ctx);
    case 'audit': {
      const subject =
        command.person === undefined ? {} : { subjectSlackUserId: idOf(command.person) };
      const entries = await deps.identity.auditEntries(actor, { ...subject, limit: command.limit });
      return renderAuditEntries({ entries, ...subject, limit: command.limit }, ctx);
    }
  }
};
