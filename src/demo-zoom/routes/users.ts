import { createHash } from 'node:crypto';
import type { DatasetIndex } from '../dataset-index.js';
import { type DemoResponse, zoomError } from '../responses.js';
import type { DemoUser } from '../types.js';

/** What the user profile operations work with. */
export interface UserRouteContext {
  readonly index: DatasetIndex;
  readonly userId: string;
  /** The demo account's id, echoed as Zoom does in `GET /users/{userId}`. */
  readonly accountId: string;
}

/** When every demo user joined the account; fixed so bodies never depend on the wall clock. */
const CREATED_AT = '2024-01-15T09:30:00Z';

const derivedId = (kind: string, user: DemoUser): string =>
  createHash('sha256').update(`${kind}:${user.id}`).digest('base64url').slice(0, 22);

const derivedNumber = (user: DemoUser): number =>
  Number.parseInt(createHash('sha256').update(user.id).digest('hex').slice(0, 8), 16);

/**
 * "Get a user's profile" (`GET /phone/users/{userId}`): the phone profile fields of
 * spec/zoom/phone-sms-openapi.json that the demo models. `me` is refused (400 / 300); a user
 * without Zoom Phone has no phone profile, so Zoom does not find one (404 / 1001).
 */
export const phoneUserProfile = (context: UserRouteContext): DemoResponse => {
  if (context.userId.toLowerCase() === 'me') return zoomError(400, 300, 'Invalid user id.');
  const user = context.index.findUser(context.userId);
  if (user === undefined || !user.hasPhone) {
    return zoomError(404, 1001, `User does not exist: ${context.userId}.`);
  }
  return {
    status: 200,
    body: {
      id: user.id,
      phone_user_id: derivedId('phone-user', user),
      email: user.email,
      extension_id: derivedId('extension', user),
      extension_number: 1000 + context.index.positionOf(user),
      phone_numbers:
        user.phoneNumber === undefined
          ? []
          : [{ id: derivedId('number', user), number: user.phoneNumber }],
      calling_plans: [{ type: 200 }],
      site_id: 'DeMoSiTe0mA1nS1tE0001w',
      site_admin: context.index.positionOf(user) === 1,
      status: 'activate',
    },
  };
};

/**
 * "Get a user" (`GET /users/{userId}`): the profile fields of
 * spec/zoom/phone-sms-openapi.json that the demo models; the first user of the dataset is
 * the account owner. Unknown users, and `me` (which a Server-to-Server token cannot stand for),
 * are 404 / 1001.
 */
export const userProfile = (context: UserRouteContext): DemoResponse => {
  const user = context.index.findUser(context.userId);
  if (user === undefined) return zoomError(404, 1001, `User does not exist: ${context.userId}.`);
  const owner = context.index.positionOf(user) === 1;
  const pmi = 1_000_000_000 + (derivedNumber(user) % 8_999_999_999);
  const national =
    user.phoneNumber?.startsWith('1') === true ? user.phoneNumber.slice(1) : undefined;
  return {
    status: 200,
    body: {
      id: user.id,
      first_name: user.firstName,
      last_name: user.lastName,
      display_name: user.displayName,
      email: user.email,
      type: user.hasPhone ? 2 : 1,
      role_name: owner ? 'Owner' : 'Member',
      role_id: owner ? '0' : '2',
      pmi,
      use_pmi: false,
      personal_meeting_url: `https://example.zoom.us/j/${pmi}`,
      timezone: 'America/Los_Angeles',
      verified: 1,
      dept: '',
      created_at: CREATED_AT,
      user_created_at: CREATED_AT,
      last_login_time: CREATED_AT,
      language: 'en-US',
      status: 'active',
      account_id: context.accountId,
      account_number: 10_009_239,
      cluster: 'us06',
      jid: `${user.id.toLowerCase()}@xmpp.zoom.us`,
      login_types: [100],
      group_ids: [],
      im_group_ids: [],
      ...(national === undefined
        ? {}
        : {
            phone_country: 'US',
            phone_number: `+1 ${national}`,
            phone_numbers: [
              { code: '+1', country: 'US', label: 'Office', number: national, verified: true },
            ],
          }),
    },
  };
};
