import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { toAppError } from '../../errors.js';
import type { AppLogger } from '../../logger.js';
import { reportAnswered, reportOutcome } from '../../ops/request-context.js';
import {
  type ConversationCursor,
  decodeConversationCursor,
} from '../../query/conversation-cursor.js';
import { renderConversationError } from '../../render/conversation-error.js';
import { renderConversation } from '../../render/conversation-view.js';
import type { RenderContext } from '../../render/types.js';
import { logFailure } from '../deliver.js';
import type { SlackDeps } from '../deps.js';
import { viewerModel } from '../viewer.js';

/** UTC stands in when even the viewer's time zone could not be read. */
const FALLBACK_TIME_ZONE = 'UTC';

/**
 * The viewer's context for an error view, with their role (admins see Zoom's error code); UTC
 * and a member's wording when even that cannot be read.
 */
export const errorContext = async (deps: SlackDeps, actor: string): Promise<RenderContext> => {
  const [ctx, viewer] = await Promise.all([
    deps.core
      .viewerContext(actor)
      .catch((): RenderContext => ({ now: deps.clock.now(), timeZone: FALLBACK_TIME_ZONE })),
    viewerModel(deps.access, actor).catch(() => undefined),
  ]);
  return viewer === undefined ? ctx : { ...ctx, viewer };
};

/** Which open modal to fill: its id, and its hash so an older answer cannot overwrite a newer one. */
export interface ModalTarget {
  readonly viewId: string;
  readonly hash?: string;
}

/**
 * The modal a `block_actions` click came from, or `undefined` when the click came from elsewhere
 * (a message or the Home tab), which conversation controls never do.
 */
export const modalOf = (
  view: { readonly id: string; readonly hash?: string } | undefined,
): ModalTarget | undefined =>
  view === undefined
    ? undefined
    : { viewId: view.id, ...(view.hash === undefined ? {} : { hash: view.hash }) };

/** One request to fill a conversation modal. */
export interface ConversationRequest {
  readonly client: WebClient;
  readonly deps: SlackDeps;
  readonly logger: AppLogger;
  /** Whoever clicked (never an id from the value). */
  readonly actor: string;
  /** The button or option value: an untrusted conversation cursor. */
  readonly value: string;
  readonly modal: ModalTarget;
}

/**
 * Puts `view` in the open modal `modal` (`views.update`, with its hash when known). A refused
 * update (the modal was closed, a newer answer won the hash race) is logged: nobody is left to
 * tell. https://docs.slack.dev/reference/methods/views.update
 */
export const fillModal = async (
  client: WebClient,
  modal: ModalTarget,
  view: ModalView,
  logger: AppLogger,
): Promise<void> => {
  try {
    await client.views.update({
      view_id: modal.viewId,
      ...(modal.hash === undefined ? {} : { hash: modal.hash }),
      view,
    });
    reportAnswered(true);
  } catch (error) {
    reportAnswered(false);
    logger.warn(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      'views.update refused the conversation modal',
    );
  }
};

/**
 * Reads the page a conversation cursor points at and puts it, or the reason it cannot be shown,
 * in the modal ({@link fillModal}), so a click on Open, Older or Newer always ends with an
 * answer. Modal clicks carry no `response_url`: the modal itself is where the person reads
 * failures.
 */
export const showConversation = async (request: ConversationRequest): Promise<void> => {
  const { deps, logger, actor } = request;
  let cursor: ConversationCursor | undefined;
  let view: ModalView;
  try {
    cursor = decodeConversationCursor(request.value);
    const { model, ctx } = await deps.conversation.read(actor, cursor);
    view = renderConversation(model, ctx);
    reportOutcome('OK');
  } catch (caught) {
    const error = toAppError(caught);
    reportOutcome(error.code);
    logFailure(logger, error);
    view = renderConversationError(error, await errorContext(deps, actor), cursor);
  }
  await fillModal(request.client, request.modal, view, logger);
};
