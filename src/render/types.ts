import type { KnownBlock } from '@slack/types';
import type { SmsSessionsPage } from '../domain/sms.js';
import type { PageCursor } from '../query/cursor.js';
import type { WindowNote } from '../query/types.js';

/** What every renderer may know about the moment and the viewer; never read from the env. */
export interface RenderContext {
  readonly now: Date;
  /** The viewer's IANA time zone from Slack (`users.info` → `tz`), e.g. `Europe/Paris`. */
  readonly timeZone: string;
  /**
   * Who is reading, where an answer depends on it: admins get Zoom's error codes and the admin
   * commands; everybody is pointed to the app's admins by name. Absent: treated as a member,
   * pointed to "an admin of this app".
   */
  readonly viewer?: ViewerModel;
}

/** The reader's role and the admins they can be pointed to. */
export interface ViewerModel {
  /** Whether the reader is an admin of this app. */
  readonly isAdmin: boolean;
  /** The Slack people configured as the app's admins, to mention ("Ask <@U…>"). */
  readonly admins: readonly string[];
  /** Whether Slack workspace admins and owners are admins of the app too. */
  readonly workspaceAdmins: boolean;
}

/** A message for `respond()` / `response_url`: top-level `text` is always present. */
export interface RenderedMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Whose sessions a page shows. */
export interface SubjectModel {
  /** The Slack person; absent when an admin named a Zoom user directly (`zoom:…`). */
  readonly slackUserId?: string;
  /** The Zoom user id or email the sessions were fetched for. */
  readonly zoomUser: string;
  /** True when the viewer is looking at their own sessions. */
  readonly isSelf: boolean;
  /**
   * How the Zoom user was found: an admin's `link`, the Slack profile's email, or named directly
   * with `zoom:`. Absent: not said on the page.
   */
  readonly resolvedBy?: 'link' | 'email' | 'zoom-target';
}

/** One page of a listing, ready to render. */
export interface SessionsPageModel {
  readonly subject: SubjectModel;
  readonly cursor: PageCursor;
  readonly page: SmsSessionsPage;
  /** How the dates were read (only on the first page of a command). */
  readonly notes: readonly WindowNote[];
  /**
   * Windows of the cursor's range (indexes, newest first) that Zoom found empty on the way to
   * this page and that were passed over without a click; absent when none were.
   */
  readonly skipped?: readonly number[];
  /**
   * Where Next goes when the page was filled across windows (`null`: nowhere, the listing is
   * done); absent: from `cursor` and Zoom's `page.nextPageToken`, as usual.
   */
  readonly nextCursor?: PageCursor | null;
}
