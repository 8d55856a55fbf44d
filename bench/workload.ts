/** One Slack person of the bench workspace, who is also a Zoom Phone user. */
export interface BenchPerson {
  readonly slackUserId: string;
  readonly email: string;
}

/** The signing secret shared by the bench, the app and the bare Bolt app. */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0c7d';

/** The bot token both apps are given; the fake Slack accepts any. */
export const BENCH_BOT_TOKEN = 'xoxb-bench-bot-token';

/** Zoom Server-to-Server credentials the fake Zoom accepts. */
export const BENCH_ZOOM_CREDENTIALS = {
  accountId: 'acct-bench',
  clientId: 'client-bench',
  clientSecret: 'zoom-client-secret-bench',
};

/** Every person's time zone, so "the past 30 days" means the same window for all. */
export const BENCH_TIME_ZONE = 'UTC';

/**
 * Sessions each person has: more than the default page of 10, so every answer is a first page
 * with a Next button (which the fake Slack uses to tell a page from an error).
 */
export const SESSIONS_PER_PERSON = 12;

/** `count` people, `UB000000`…, `bench-0@example.com`…; ids fit Slack's `[UW][A-Z0-9]+`. */
export const benchPeople = (count: number): BenchPerson[] =>
  Array.from({ length: count }, (_, index) => ({
    slackUserId: `UB${String(index).padStart(6, '0')}`,
    email: `bench-${index}@example.com`,
  }));

/** One slash command to send. */
export interface BenchCommand {
  readonly userId: string;
  readonly text: string;
}

/** Which Zoom question a workload's commands ask; see {@link commandText}. */
export type Workload = 'fresh' | 'cached';

const DAY_MS = 86_400_000;

/**
 * The command text of a workload. `fresh`: `/sms-sessions` with no arguments (what people type
 * most), which asks for the past 30 days up to the current second, so two commands are the same
 * Zoom question only when one person sends both within a second: every answer is a page fetched
 * from Zoom. `cached`: the 30 whole days up to yesterday (`from:… to:…`, fixed for the run; a
 * `to:` of today would end at the current second, a new question every second), so once a
 * person's page is cached, their next commands within the cache's 30 s are answered from it: the
 * common burst of many people asking for the same few pages.
 */
export const commandText = (workload: Workload, now: Date): string => {
  if (workload === 'fresh') return '';
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `from:${day(now.getTime() - 30 * DAY_MS)} to:${day(now.getTime() - DAY_MS)}`;
};

/** The workload's commands: by each person in turn, all with the same text. */
export const commandFor =
  (people: readonly BenchPerson[], text = '') =>
  (index: number): BenchCommand => {
    const person = people[index % people.length];
    if (person === undefined) throw new Error('The bench needs at least one person');
    return { userId: person.slackUserId, text };
  };
