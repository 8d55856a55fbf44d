import type { SlackRequestKind } from '../metrics/metrics.js';

/** What a Slack request is about, for its log line and metrics; never its content. */
export interface RequestDescription {
  readonly kind: SlackRequestKind | 'other';
  /** The command, action id, event type or callback id (bounded: these come from our manifest). */
  readonly name: string;
  /** The Slack user who caused it, when the payload says. */
  readonly user: string | undefined;
  readonly team: string | undefined;
}

type Body = Record<string, unknown>;

const record = (value: unknown): Body =>
  typeof value === 'object' && value !== null ? (value as Body) : {};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const firstActionId = (body: Body) => {
  const actions = body.actions;
  return Array.isArray(actions) ? text(record(actions[0]).action_id) : undefined;
};

const INTERACTIVE_KINDS: Readonly<Record<string, SlackRequestKind>> = {
  block_actions: 'action',
  interactive_message: 'action',
  view_submission: 'view',
  view_closed: 'view',
  shortcut: 'shortcut',
  message_action: 'shortcut',
  block_suggestion: 'options',
};

/**
 * Classifies a request body as Bolt's receivers hand it over (a slash command's form fields, an
 * interaction payload, or an Events API envelope), reading only identifiers.
 * https://docs.slack.dev/reference/interaction-payloads
 */
export const describeRequest = (raw: unknown): RequestDescription => {
  const body = record(raw);
  const user = record(body.user);
  const team = text(body.team_id) ?? text(record(body.team).id);
  const command = text(body.command);
  if (command !== undefined) {
    return { kind: 'command', name: command, user: text(body.user_id), team };
  }
  const type = text(body.type) ?? '';
  const interactive = INTERACTIVE_KINDS[type];
  if (interactive !== undefined) {
    const name =
      interactive === 'view'
        ? text(record(body.view).callback_id)
        : (firstActionId(body) ?? text(body.action_id) ?? text(body.callback_id));
    return { kind: interactive, name: name ?? type, user: text(user.id), team };
  }
  if (type === 'event_callback') {
    const event = record(body.event);
    return {
      kind: 'event',
      name: text(event.type) ?? 'unknown',
      user: text(event.user) ?? text(record(event.user).id),
      team,
    };
  }
  return { kind: 'other', name: type === '' ? 'unknown' : type, user: undefined, team };
};
