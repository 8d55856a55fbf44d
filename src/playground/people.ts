import { DEMO_ADMIN_EMAIL, DEMO_USERS } from '../demo-zoom/dataset/demo-people.js';

/** A Slack member of the playground's workspace, as `users.info` describes them. */
export interface PlaygroundPerson {
  /** Slack user id (`U…`), what the app receives as `user_id`. */
  readonly id: string;
  /** What a visitor types after `@` in the composer, e.g. `bob`. */
  readonly handle: string;
  /** Slack `profile.display_name`: the demo Zoom user's display name, escapes and all. */
  readonly displayName: string;
  readonly realName: string;
  /** Slack `profile.email`: how the app finds the person's Zoom user. */
  readonly email: string;
  /** Slack `tz`: the time zone the app computes date windows in. */
  readonly timeZone: string;
  /** Listed in `ADMIN_SLACK_USER_IDS`, so they may look up other people's conversations. */
  readonly isAdmin: boolean;
}

interface SlackSide {
  readonly id: string;
  readonly handle: string;
  readonly timeZone: string;
}

const SLACK_SIDE: Readonly<Record<string, SlackSide>> = {
  [DEMO_ADMIN_EMAIL]: { id: 'U0ALICE', handle: 'alice', timeZone: 'America/New_York' },
  'bob@example.com': { id: 'U0BOB', handle: 'bob', timeZone: 'America/Chicago' },
  'zoe@example.com': { id: 'U0ZOE', handle: 'zoe', timeZone: 'Europe/Stockholm' },
  'jose@example.com': { id: 'U0JOSE', handle: 'jose', timeZone: 'Europe/Madrid' },
  'renee@example.com': { id: 'U0RENEE', handle: 'renee', timeZone: 'Europe/Dublin' },
  'kai@example.com': { id: 'U0KAI', handle: 'kai', timeZone: 'Asia/Tokyo' },
  'wei.chen@example.com': { id: 'U0WEI', handle: 'wei', timeZone: 'Asia/Shanghai' },
  'priya@example.com': { id: 'U0PRIYA', handle: 'priya', timeZone: 'Asia/Kolkata' },
};

/**
 * The playground's Slack members: the demo Zoom account's people (`src/demo-zoom`), each with a
 * Slack id, a handle and a time zone of their own, so the same conversations read differently to
 * each of them. Alice is the admin; Priya has no Zoom Phone, so she sees the app's refusal.
 * With real Zoom, `adminEmail` gives Alice the email of a real Zoom user.
 */
export const createPlaygroundPeople = (
  options: { adminEmail?: string | undefined } = {},
): readonly PlaygroundPerson[] =>
  DEMO_USERS.flatMap((user) => {
    const slack = SLACK_SIDE[user.email];
    if (slack === undefined) return [];
    const isAdmin = user.email === DEMO_ADMIN_EMAIL;
    return [
      {
        id: slack.id,
        handle: slack.handle,
        displayName: user.displayName,
        realName: `${user.firstName} ${user.lastName}`,
        email: isAdmin ? (options.adminEmail ?? user.email) : user.email,
        timeZone: slack.timeZone,
        isAdmin,
      },
    ];
  });
