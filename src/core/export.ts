import type { SmsSession } from '../domain/sms.js';
import { type AppError, toAppError } from '../errors.js';
import { firstCursor, followingCursor, listingQuery, type PageCursor } from '../query/cursor.js';
import { MAX_PAGE_SIZE, type SessionQuery } from '../query/types.js';
import type { RenderContext, SubjectModel } from '../render/types.js';
import type { ZoomApi } from '../zoom/types.js';
import type { SessionsCore } from './sessions.js';
import { queryFilters, type SubjectGate } from './subject-gate.js';

/** Sessions asked of Zoom a call while exporting: Zoom's maximum, so the fewest calls. */
export const EXPORT_PAGE_SIZE = MAX_PAGE_SIZE;

/** How far an export has got, for the progress message. */
export interface ExportProgress {
  readonly sessions: number;
  readonly pages: number;
}

/** Why an export stopped: it had everything, it reached the cap, or Zoom failed midway. */
export type ExportStop =
  | { readonly kind: 'complete' }
  | { readonly kind: 'cap' }
  | { readonly kind: 'failed'; readonly error: AppError };

/** Every session of one query (up to the cap), ready for the CSV writer and the messages. */
export interface ExportResult {
  readonly subject: SubjectModel;
  /** The query exported, its whole range (its page size is {@link EXPORT_PAGE_SIZE}). */
  readonly query: SessionQuery;
  /** Zoom's order. */
  readonly sessions: readonly SmsSession[];
  /** Zoom pages read. */
  readonly pages: number;
  /** `EXPORT_MAX_SESSIONS`. */
  readonly cap: number;
  readonly stop: ExportStop;
}

/** Exporting every session of a listing's query. */
export interface ExportCore {
  /** `EXPORT_MAX_SESSIONS`: the most sessions one export holds. */
  readonly cap: number;
  /**
   * Reads every page of `cursor`'s query from the first, every month of a range asked a month
   * at a time included (newest first), through the same Zoom client (and so the same rate
   * limiter) as every listing, each call asking for at most a month, up to `cap` sessions,
   * telling `onProgress` once the actor is authorised (nothing read yet) and after each page.
   * The actor is re-authorised against the cursor's subject first (a refusal never reaches
   * Zoom); one `export` audit entry records how many sessions were read.
   * A failure after the first page ends the export with what it has (`stop.kind: 'failed'`).
   * @throws AppError `FORBIDDEN`, `NOT_LINKED`, or a `ZOOM_*` code when not even the first page came.
   */
  collect(
    actor: string,
    cursor: PageCursor,
    onProgress?: (progress: ExportProgress) => Promise<void>,
  ): Promise<{ readonly result: ExportResult; readonly ctx: RenderContext }>;
}

/** What {@link createExportCore} needs. */
export interface ExportCoreDeps {
  readonly zoom: ZoomApi;
  readonly gate: SubjectGate;
  readonly sessions: Pick<SessionsCore, 'viewerContext' | 'admit'>;
  /** `EXPORT_MAX_SESSIONS`. */
  readonly maxSessions: number;
}

/** Builds the export core. */
export const createExportCore = (deps: ExportCoreDeps): ExportCore => ({
  cap: deps.maxSessions,
  collect: async (actor, button, onProgress) => {
    const cursor = deps.sessions.admit(button);
    const ctx = await deps.sessions.viewerContext(actor);
    const cap = deps.maxSessions;
    const query: SessionQuery = { ...listingQuery(cursor), pageSize: EXPORT_PAGE_SIZE };
    const result = await deps.gate.run(
      actor,
      cursor.subject,
      { action: 'export', filters: { ...queryFilters(query), cap } },
      async (subject) => {
        const sessions: SmsSession[] = [];
        let pages = 0;
        let at: PageCursor | undefined = firstCursor({
          ...cursor,
          query: { ...cursor.query, pageSize: EXPORT_PAGE_SIZE },
        });
        let stop: ExportStop = { kind: 'complete' };
        await onProgress?.({ sessions: 0, pages: 0 });
        while (at !== undefined) {
          let page: Awaited<ReturnType<ZoomApi['listUserSmsSessions']>>;
          try {
            page = await deps.zoom.listUserSmsSessions(subject.zoomUser, at.query, at.token);
          } catch (error) {
            if (pages === 0) throw error;
            stop = { kind: 'failed', error: toAppError(error) };
            break;
          }
          pages += 1;
          const room = cap - sessions.length;
          sessions.push(...page.sessions.slice(0, room));
          await onProgress?.({ sessions: sessions.length, pages });
          if (
            page.sessions.length > room ||
            (sessions.length >= cap && page.nextPageToken !== '')
          ) {
            stop = { kind: 'cap' };
            break;
          }
          at = followingCursor(at, page);
        }
        return {
          value: { subject, query, sessions, pages, cap, stop },
          resultCount: sessions.length,
          ...(stop.kind === 'failed' ? { reason: stop.error.code } : {}),
          filters: { pages },
        };
      },
    );
    return { result, ctx };
  },
});
