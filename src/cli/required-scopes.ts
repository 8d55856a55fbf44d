/**
 * A set of scopes one feature needs: any one of `alternatives` (each a set of scopes that must
 * all be granted) will do, as Zoom accepts either its classic scopes or the granular ones.
 */
export interface ScopeRequirement {
  /** The doctor's name for the check. */
  readonly check: string;
  /** What the app cannot do without it, for the report. */
  readonly purpose: string;
  readonly alternatives: readonly (readonly string[])[];
  /** `fail` when the app cannot work without it, `warn` when only one feature is lost. */
  readonly severity: 'fail' | 'warn';
}

/**
 * The Zoom Server-to-Server app's scopes, as the README asks admins to grant them: listing SMS
 * sessions (`GET /phone/users/{userId}/sms/sessions`), reading one conversation
 * (`GET /phone/sms/sessions/{sessionId}`), checking a Zoom user when an admin links a Slack
 * person to one (`GET /users/{userId}`, `GET /phone/users/{userId}`), and replying to a text
 * (`POST /phone/sms/messages`: `phone_sms:write:admin` or `phone:write:admin`).
 * https://developers.zoom.us/docs/api/phone/#tag/sms/GET/phone/users/{userId}/sms/sessions
 */
export const REQUIRED_ZOOM_SCOPES: readonly ScopeRequirement[] = [
  {
    check: 'zoom scopes',
    purpose: 'list SMS sessions',
    alternatives: [
      ['phone:read:admin', 'phone_sms:read:admin'],
      ['phone:read:list_sms_sessions:admin'],
    ],
    severity: 'fail',
  },
  {
    check: 'zoom open scope',
    purpose: 'open a conversation (Open)',
    alternatives: [['phone:read:admin', 'phone_sms:read:admin'], ['phone:read:sms_session:admin']],
    severity: 'warn',
  },
  {
    check: 'zoom link scopes',
    purpose: 'check the Zoom user and their Zoom Phone when an admin links a Slack person',
    alternatives: [
      ['user:read:admin', 'phone:read:admin'],
      ['user:read:user:admin', 'phone:read:user:admin'],
    ],
    severity: 'warn',
  },
  {
    check: 'zoom send scope',
    purpose: 'send replies from Slack (Reply)',
    alternatives: [['phone_sms:write:admin'], ['phone:write:admin']],
    severity: 'warn',
  },
];

/**
 * The bot scopes `manifest.yml` asks for (a test keeps the two equal): the command, answers, each
 * person's email and time zone from `users.info` (and `users.lookupByEmail`), the direct messages
 * and files of exports and text notifications, the channel check of inbox routes, and the members
 * of a routed channel (`conversations.members`), who may reply from it.
 * An app updated without being reinstalled keeps its old scopes, which this catches.
 * https://docs.slack.dev/reference/scopes
 */
export const REQUIRED_SLACK_BOT_SCOPES: readonly string[] = [
  'commands',
  'chat:write',
  'users:read',
  'users:read.email',
  'files:write',
  'im:write',
  'channels:read',
  'groups:read',
];

/**
 * The scopes still missing for `requirement` given `granted`: none when any alternative is fully
 * granted, otherwise those of the alternative that lacks the fewest (the quickest fix).
 */
export const missingScopes = (
  requirement: ScopeRequirement,
  granted: readonly string[],
): readonly string[] => {
  const gaps = requirement.alternatives.map((scopes) =>
    scopes.filter((scope) => !granted.includes(scope)),
  );
  return gaps.reduce((best, gap) => (gap.length < best.length ? gap : best));
};

/** The scopes an alternative-free requirement such as Slack's lacks. */
export const missingFrom = (required: readonly string[], granted: readonly string[]) =>
  required.filter((scope) => !granted.includes(scope));
