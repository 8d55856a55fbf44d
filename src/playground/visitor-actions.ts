import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { AppAck, AppLink } from './app-link.js';
import type { HomeViews } from './home-views.js';
import { buildInteraction, type PageInteraction } from './interactions.js';
import type { Modals } from './modals.js';
import type { PlaygroundPerson } from './people.js';
import type { ResponseUrls } from './response-urls.js';
import {
  type ActionContainer,
  appHomeOpenedBody,
  blockActionsBody,
  escapeCommandText,
  slashCommandBody,
  viewClosedBody,
  viewSubmissionBody,
} from './slack-payloads.js';
import type { Timeline } from './timeline.js';
import type { Triggers } from './triggers.js';
import { applySubmissionAnswer, submissionState } from './view-submission.js';
import type { Visitors } from './visitors.js';
import { PLAYGROUND_WORKSPACE } from './workspace.js';

/** Whether Slack got the request to the app; the app's answer itself arrives separately. */
export type VisitorResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Where a click happened. */
export type InteractionSurface =
  | { readonly kind: 'message'; readonly ts: string }
  | { readonly kind: 'home' }
  | { readonly kind: 'modal'; readonly viewId: string };

/** What a visitor can do on the page, each as Slack would relay it to the app. */
export interface VisitorActions {
  /**
   * Runs a slash command typed in the composer (`/sms-sessions …`). As in Slack, the command
   * itself is not shown in the channel: only the app's (ephemeral) answer is.
   */
  runCommand(userId: string, typed: string, visitor?: string): Promise<VisitorResult>;
  /** Clicks a button or makes a choice on a message or the Home tab. */
  interact(
    userId: string,
    surface: InteractionSurface,
    interaction: PageInteraction,
    visitor?: string,
  ): Promise<VisitorResult>;
  /** Opens the app's Home tab. */
  openHome(userId: string): Promise<VisitorResult>;
  /** Closes the person's top modal, telling the app when it asked to know. */
  closeModal(userId: string, viewId: string): Promise<VisitorResult>;
  /**
   * Presses the top modal's submit button with what its inputs hold (`values`, by block and
   * action id) and applies the app's answer as Slack does: `errors` under the inputs, `update`,
   * `push`, `clear`, or an empty answer that closes the modal.
   */
  submitModal(
    userId: string,
    viewId: string,
    values: Readonly<Record<string, Readonly<Record<string, string | null>>>>,
  ): Promise<VisitorResult>;
}

/** What the visitor's actions read and change. */
export interface VisitorActionsDeps {
  readonly people: readonly PlaygroundPerson[];
  readonly timeline: Timeline;
  readonly homes: HomeViews;
  readonly modals: Modals;
  readonly responseUrls: ResponseUrls;
  readonly triggers: Triggers;
  readonly clock: Clock;
  /** Which browser tab last acted as each person; absent: answers are not told apart by tab. */
  readonly visitors?: Visitors;
  /** The app's request URL; undefined until the app listens. */
  readonly appLink: () => AppLink | undefined;
}

/**
 * The playground's Slack client: turns what a visitor does into the signed requests Slack sends
 * the app, and shows the visitor what Slack shows when the app does not acknowledge in time
 * (Slackbot's "failed with the error …" for a command; an error for a click).
 * https://docs.slack.dev/interactivity/handling-user-interaction
 */
export const createVisitorActions = (deps: VisitorActionsDeps): VisitorActions => {
  const { people, timeline, homes, modals, responseUrls } = deps;
  const personById = (id: string) => people.find((person) => person.id === id);
  const seconds = () => Math.floor(deps.clock.now().getTime() / 1000);

  const deliver = async (
    rawBody: string,
    contentType: 'application/x-www-form-urlencoded' | 'application/json',
  ): Promise<AppAck> => {
    const link = deps.appLink();
    if (link === undefined) return { ok: false, error: 'app_not_running' };
    return link.deliver(rawBody, contentType);
  };

  /** An acknowledgement with a body is an immediate answer, shown to the person who asked. */
  const showAckBody = (ack: AppAck, userId: string, visitor: string | undefined) => {
    if (!ack.ok || ack.body.trim() === '') return;
    let answer: { text?: unknown; blocks?: unknown } = { text: ack.body };
    try {
      answer = JSON.parse(ack.body) as typeof answer;
    } catch {}
    timeline.post({
      text: typeof answer.text === 'string' ? answer.text : '',
      blocks: Array.isArray(answer.blocks) ? answer.blocks : undefined,
      author: { kind: 'app' },
      visibleTo: userId,
      visitor,
    });
  };

  return {
    runCommand: async (userId, typed, visitor) => {
      const person = personById(userId);
      if (person === undefined) return { ok: false, error: 'user_not_found' };
      deps.visitors?.note(userId, visitor);
      const match = /^\s*(\/\S+)\s*([\s\S]*)$/.exec(typed);
      const command = match?.[1];
      if (command !== PLAYGROUND_WORKSPACE.command) {
        return {
          ok: false,
          error: `${command ?? 'That'} is not a command in this workspace. Try ${PLAYGROUND_WORKSPACE.command}.`,
        };
      }
      const ack = await deliver(
        slashCommandBody({
          person,
          text: escapeCommandText(match?.[2]?.trim() ?? '', people),
          responseUrl: responseUrls.issue({ userId, visitor }),
          triggerId: deps.triggers.issue(userId),
        }),
        'application/x-www-form-urlencoded',
      );
      if (!ack.ok) {
        timeline.post({
          text: `${command} failed with the error "${ack.error}"`,
          author: { kind: 'slackbot' },
          visibleTo: userId,
          visitor,
        });
      }
      showAckBody(ack, userId, visitor);
      return { ok: true };
    },

    interact: async (userId, surface, interaction, visitor) => {
      const person = personById(userId);
      if (person === undefined) return { ok: false, error: 'user_not_found' };
      deps.visitors?.note(userId, visitor);
      let container: ActionContainer;
      let blocks: readonly Record<string, unknown>[];
      if (surface.kind === 'message') {
        const message = timeline.get(surface.ts);
        if (message === undefined || (message.visibleTo ?? userId) !== userId) {
          return { ok: false, error: 'message_not_found' };
        }
        blocks = message.blocks;
        const isEphemeral = message.visibleTo !== undefined;
        container = {
          type: 'message',
          messageTs: message.ts,
          isEphemeral,
          message: isEphemeral
            ? undefined
            : { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
          responseUrl: responseUrls.issue({
            userId,
            sourceTs: message.ts,
            visitor: message.visitor ?? visitor,
          }),
        };
      } else if (surface.kind === 'home') {
        const home = homes.get(userId);
        if (home === undefined) return { ok: false, error: 'view_not_found' };
        blocks = home.view.blocks;
        container = { type: 'view', view: home.view };
      } else {
        const modal = modals.stack(userId).find((view) => view.id === surface.viewId);
        if (modal === undefined) return { ok: false, error: 'view_not_found' };
        blocks = modal.blocks;
        container = { type: 'view', view: modal };
      }
      const built = buildInteraction(blocks, interaction, {
        people,
        actionTs: `${seconds()}.000200`,
      });
      if (!built.ok) return built;
      const ack = await deliver(
        blockActionsBody({
          person,
          container,
          action: built.action,
          state: built.state,
          triggerId: deps.triggers.issue(userId),
        }),
        'application/x-www-form-urlencoded',
      );
      return ack.ok ? { ok: true } : { ok: false, error: ack.error };
    },

    openHome: async (userId) => {
      const person = personById(userId);
      if (person === undefined) return { ok: false, error: 'user_not_found' };
      const ack = await deliver(
        appHomeOpenedBody({
          person,
          view: homes.get(userId)?.view,
          eventId: `Ev${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`,
          eventTime: seconds(),
        }),
        'application/json',
      );
      return ack.ok ? { ok: true } : { ok: false, error: ack.error };
    },

    closeModal: async (userId, viewId) => {
      const person = personById(userId);
      if (person === undefined) return { ok: false, error: 'user_not_found' };
      const closed = modals.close(userId, viewId);
      if (closed.length === 0) return { ok: false, error: 'view_not_found' };
      const notified = closed.filter((view) => view.notify_on_close);
      for (const view of notified) {
        const ack = await deliver(
          viewClosedBody({ person, view, isCleared: closed.length > 1 }),
          'application/x-www-form-urlencoded',
        );
        if (!ack.ok) return { ok: false, error: ack.error };
      }
      return { ok: true };
    },

    submitModal: async (userId, viewId, values) => {
      const person = personById(userId);
      if (person === undefined) return { ok: false, error: 'user_not_found' };
      const top = modals.stack(userId).at(-1);
      if (top === undefined || top.id !== viewId) return { ok: false, error: 'view_not_found' };
      if (top.submit === null) return { ok: false, error: 'no_submit_button' };
      const { errors: _shown, ...view } = top;
      const ack = await deliver(
        viewSubmissionBody({
          person,
          view,
          state: submissionState(top.blocks, values, people),
          triggerId: deps.triggers.issue(userId),
        }),
        'application/x-www-form-urlencoded',
      );
      if (!ack.ok) return { ok: false, error: ack.error };
      return applySubmissionAnswer(ack.body, { userId, viewId, modals });
    },
  };
};
