import type { Clock } from '../clock.js';
import type { ConversationCore } from '../core/conversation.js';
import type { ExportCore } from '../core/export.js';
import type { HomeState } from '../core/home-state.js';
import type { IdentityCore } from '../core/identity-types.js';
import type { InboxAdmin } from '../core/inbox/inbox-admin.js';
import type { FindUnanswered } from '../core/inbox/unanswered.js';
import type { ReplyCore } from '../core/reply/reply-core.js';
import type { SessionsCore } from '../core/sessions.js';
import type { ShareCore } from '../core/share.js';
import type { AppLogger } from '../logger.js';
import type { AccessPolicy } from '../users/access.js';
import type { FileUploader } from './upload-file.js';

/** What every listener may use; built once in the composition root (src/app.ts). */
export interface SlackDeps {
  readonly core: SessionsCore;
  /** Links, `who`/`whoami` and the audit trail (`/sms-sessions link | unlink | who | whoami | audit`). */
  readonly identity: IdentityCore;
  readonly logger: AppLogger;
  readonly clock: Clock;
  /** Who may see whom: the Home tab's user picker is for admins, and a pick is checked. */
  readonly access: AccessPolicy;
  /** Each person's Home filters, when their tab was last opened, which update is newest. */
  readonly home: HomeState;
  /** Reading one session's messages (Open, Older / Newer in the modal). */
  readonly conversation: ConversationCore;
  /** Every session of a listing's query, for Export CSV. */
  readonly exporter: ExportCore;
  /** Posting a page to its channel on purpose (Share to channel), when enabled. */
  readonly sharing: ShareCore;
  /** Text notifications and routes of the SMS inbox (`notify`, `route`, `unroute`, `routes`). */
  readonly inbox: InboxAdmin;
  /** Files into a person's direct message with the app (the export's CSV). */
  readonly uploader: FileUploader;
  /** Replying to a text from Slack (Reply, the reply modal). */
  readonly reply: ReplyCore;
  /**
   * Seals what a listener answers in an acknowledgement (a view in `response_action: "update"`),
   * as the sealing fetch seals every Web API call: an ack is the one way out that does not go
   * through `fetch` (src/slack/seal/).
   */
  readonly sealAck: <T>(surface: T) => T;
  /** The viewer's own conversations waiting for a reply, for the Home tab. */
  readonly unanswered: FindUnanswered;
}
