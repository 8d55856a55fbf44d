import { AppError } from '../../src/errors.js';
import type { SlackDirectory, SlackPerson } from '../../src/users/slack-directory.js';
import {
  accountUserFromZoom,
  phoneProfileFromZoom,
  sessionFromZoom,
} from '../../src/zoom/to-domain.js';
import type { ZoomApi } from '../../src/zoom/types.js';

/** A Slack person with defaults; `overrides` decide what matters to a test. */
export const person = (id: string, overrides: Partial<SlackPerson> = {}): SlackPerson => ({
  id,
  email: `${id.toLowerCase()}@example.com`,
  timeZone: 'Europe/Paris',
  name: id,
  isWorkspaceAdmin: false,
  deleted: false,
  teamId: 'T0001',
  enterpriseId: undefined,
  isStranger: false,
  ...overrides,
});

/** A {@link SlackDirectory} over a map, counting what it was asked, as `users.info` would be. */
export const createFakeDirectory = (people: readonly SlackPerson[]) => {
  const known = new Map(people.map((p) => [p.id, p]));
  const calls = { get: [] as string[], refresh: [] as string[] };
  const find = (id: string): SlackPerson => {
    const found = known.get(id);
    if (found === undefined) {
      throw new AppError('SLACK_USER_NOT_FOUND', 'unknown', { detail: { value: id } });
    }
    return found;
  };
  const directory: SlackDirectory = {
    getPerson: async (id) => {
      calls.get.push(id);
      return find(id);
    },
    refreshPerson: async (id) => {
      calls.refresh.push(id);
      return find(id);
    },
  };
  return { directory, calls, set: (p: SlackPerson) => known.set(p.id, p) };
};

/** A Zoom user of {@link createFakeZoom}. */
export interface FakeZoomUser {
  readonly id: string;
  readonly email: string;
  readonly hasPhone: boolean;
  readonly displayName?: string;
}

/**
 * A {@link ZoomApi} that knows `users` (by id or email, any case), answers every listing with
 * `sessionCount` sessions, and records each call, so tests can say whether Zoom was reached.
 * Unknown users are 404 / 1001 everywhere, and so is a user without Zoom Phone on the phone
 * API, as the real Zoom does.
 */
export const createFakeZoom = (users: readonly FakeZoomUser[], sessionCount = 3) => {
  const calls: { kind: 'list' | 'user' | 'phone-user'; zoomUser: string }[] = [];
  const find = (ref: string) =>
    users.find((u) => u.id === ref || u.email.toLowerCase() === ref.toLowerCase());
  const notFound = (ref: string) =>
    new AppError('ZOOM_USER_NOT_FOUND', 'Zoom answered 404/1001', {
      detail: { status: 404, zoomCode: 1001, zoomUser: ref },
    });
  const failures: AppError[] = [];
  const zoom: ZoomApi = {
    listUserSmsSessions: async (zoomUser) => {
      calls.push({ kind: 'list', zoomUser });
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      if (find(zoomUser) === undefined) throw notFound(zoomUser);
      return {
        sessions: Array.from({ length: sessionCount }, (_, i) =>
          sessionFromZoom({ session_id: `s${i}`, session_type: 'user' }),
        ),
        nextPageToken: '',
      };
    },
    getUser: async (ref) => {
      calls.push({ kind: 'user', zoomUser: ref });
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      const user = find(ref);
      if (user === undefined) throw notFound(ref);
      return accountUserFromZoom({
        id: user.id,
        email: user.email,
        ...(user.displayName === undefined ? {} : { display_name: user.displayName }),
      });
    },
    getPhoneUser: async (ref) => {
      calls.push({ kind: 'phone-user', zoomUser: ref });
      const user = find(ref);
      if (user === undefined || !user.hasPhone) throw notFound(ref);
      return phoneProfileFromZoom({ id: user.id, email: user.email });
    },
    getSmsSessionDetails: async () => ({ messages: [], nextPageToken: '' }),
    listSharedLines: async () => {
      throw new Error('not used');
    },
    sendSms: async () => {
      throw new Error('not used');
    },
  };
  return {
    zoom,
    calls,
    /** The next call that can fail (a listing or `getUser`) fails with `error`. */
    failNext: (error: AppError) => failures.push(error),
    count: (kind: 'list' | 'user' | 'phone-user') => calls.filter((c) => c.kind === kind).length,
  };
};
