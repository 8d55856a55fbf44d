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

/** A `Map`, not an object: a payload `type` such as `constructor` must not find `Object`'s own. */
const INTERACTIVE_KINDS: ReadonlyMap<string, SlackRequestKind> = new Map([
  ['block_actions', 'action'],
  ['interactive_message', 'action'],
  ['view_submission', 'view'],
  ['view_closed', 'view'],
  ['shortcut', 'shortcut'],
  ['message_action', 'shortcut'],
  ['block_suggestion', 'options'],
]);

/**
 * What a name from a payload must look like to become a log field or a metric label: a command,
 * an action, callback or event id as the app's manifest and renderers write them. Anything else
 * is `other`, so no payload can put arbitrary text into a label.
 */
const NAME_SHAPE = /^\/?[a-z][a-z0-9_.:-]{0,63}$/;

const named = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : NAME_SHAPE.test(value) ? value : 'other';

/** Distinct names one process reports before every new one becomes `other`. */
export const REQUEST_NAMES_MAX = 100;

/**
 * Bounds the set of names a process reports (log fields and metric labels): the first
 * {@link REQUEST_NAMES_MAX} distinct ones pass, every later new one is `other`. The app's own
 * names number a few dozen, so only a flood of invented ones is cut.
 */
export const createNameBound = (max = REQUEST_NAMES_MAX) => {
  const seen = new Set<string>();
  return (name: string): string => {
    if (seen.has(name)) return name;
    if (seen.size >= max) return 'other';
    seen.add(name);
    return name;
  };
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
    return { kind: 'command', name: named(command) ?? 'other', user: text(body.user_id), team };
  }
  const type = text(body.type) ?? '';
  const interactive = INTERACTIVE_KINDS.get(type);
  if (interactive !== undefined) {
    const name =
      interactive === 'view'
        ? text(record(body.view).callback_id)
        : (firstActionId(body) ?? text(body.action_id) ?? text(body.callback_id));
    return { kind: interactive, name: named(name) ?? type, user: text(user.id), team };
  }
  if (type === 'event_callback') {
    const event = record(body.event);
    return {
      kind: 'event',
      name: named(text(event.type)) ?? 'unknown',
      user: text(event.user) ?? text(record(event.user).id),
      team,
    };
  }
  return { kind: 'other', name: named(text(type)) ?? 'unknown', user: undefined, team };
};
