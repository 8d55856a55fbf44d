import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import {
  createSlackDirectory,
  type PersonCache,
  type SlackPerson,
} from '../../src/users/slack-directory.js';

const userNotFound = Object.assign(new Error('An API error occurred: user_not_found'), {
  code: 'slack_webapi_platform_error',
  data: { ok: false, error: 'user_not_found' },
});

const fakeClient = (answer: () => unknown) => {
  const asked: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        asked.push(user);
        return answer();
      },
    },
  } as unknown as WebClient;
  return { client, asked };
};

const memoryCache = (): PersonCache & { entries: Map<string, SlackPerson> } => {
  const entries = new Map<string, SlackPerson>();
  return {
    entries,
    get: async (id) => entries.get(id),
    set: async (id, person) => {
      entries.set(id, person);
    },
  };
};

const owner = {
  ok: true,
  user: {
    id: 'U0OWNER01',
    tz: 'Europe/Paris',
    is_owner: true,
    real_name: 'Olive',
    team_id: 'T0001',
    enterprise_user: { enterprise_id: 'E0001' },
    profile: { email: 'olive@example.com', display_name: '' },
  },
};

describe('createSlackDirectory', () => {
  it('reads a person from users.info once and then from the cache', async () => {
    const { client, asked } = fakeClient(() => owner);
    const directory = createSlackDirectory(client, memoryCache());
    const first = await directory.getPerson('U0OWNER01');
    await directory.getPerson('U0OWNER01');
    expect(first).toEqual({
      id: 'U0OWNER01',
      email: 'olive@example.com',
      timeZone: 'Europe/Paris',
      name: 'Olive',
      isWorkspaceAdmin: true,
      deleted: false,
      teamId: 'T0001',
      enterpriseId: 'E0001',
      isStranger: false,
    });
    expect(asked).toEqual(['U0OWNER01']);
  });

  it('asks Slack again and refreshes the cache when refreshPerson is called', async () => {
    const { client, asked } = fakeClient(() => owner);
    const cache = memoryCache();
    const directory = createSlackDirectory(client, cache);
    await directory.getPerson('U0OWNER01');
    await directory.refreshPerson('U0OWNER01');
    expect(asked).toEqual(['U0OWNER01', 'U0OWNER01']);
    expect(cache.entries.get('U0OWNER01')?.isWorkspaceAdmin).toBe(true);
  });

  it('refuses as SLACK_USER_NOT_FOUND when Slack answers user_not_found', async () => {
    const { client } = fakeClient(() => {
      throw userNotFound;
    });
    await expect(
      createSlackDirectory(client, memoryCache()).getPerson('U0NOBODY1'),
    ).rejects.toThrow(
      expect.objectContaining({
        constructor: AppError,
        code: 'SLACK_USER_NOT_FOUND',
        detail: { value: 'U0NOBODY1' },
      }),
    );
  });

  it('passes any other Slack failure on unchanged', async () => {
    const failure = new Error('socket hang up');
    const { client } = fakeClient(() => {
      throw failure;
    });
    await expect(createSlackDirectory(client, memoryCache()).refreshPerson('U0A')).rejects.toBe(
      failure,
    );
  });
});
