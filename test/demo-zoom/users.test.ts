import { afterEach, describe, expect, it } from 'vitest';
import { zoomPhoneUserSchema, zoomUserSchema } from '../../src/zoom/schemas.js';
import { CREDENTIALS, closeDemoZooms, startDemoZoom } from './demo-zoom-harness.js';

afterEach(closeDemoZooms);

// https://developers.zoom.us/docs/api/phone/#tag/users/GET/phone/users/{userId}
describe('createDemoZoom: GET /phone/users/{userId}', () => {
  it('answers the phone profile of a user with Zoom Phone', async () => {
    const harness = await startDemoZoom();
    const answer = await harness.get('/phone/users/zoe%40example.com');
    zoomPhoneUserSchema.parse(answer.body);
    expect(answer).toMatchObject({
      status: 200,
      body: {
        id: 'Zo8Vq1MnQyKcAng5tRm7Fg',
        email: 'zoe@example.com',
        extension_number: 1003,
        phone_numbers: [{ id: expect.any(String), number: '14155550103' }],
        status: 'activate',
      },
    });
  });

  it.each([
    {
      user: 'priya@example.com',
      status: 404,
      body: { code: 1001, message: 'User does not exist: priya@example.com.' },
    },
    { user: 'ghost@example.com', status: 404, body: { code: 1001 } },
    { user: 'me', status: 400, body: { code: 300, message: 'Invalid user id.' } },
  ])('answers $status for $user', async ({ user, status, body }) => {
    const harness = await startDemoZoom();
    expect(await harness.get(`/phone/users/${user}`)).toMatchObject({ status, body });
  });
});

// https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId}
describe('createDemoZoom: GET /users/{userId}', () => {
  it('answers the profile of any user, by id or email, with the account id', async () => {
    const harness = await startDemoZoom();
    const byEmail = await harness.get('/users/RENEE@example.com');
    zoomUserSchema.parse(byEmail.body);
    expect(byEmail).toMatchObject({
      status: 200,
      body: {
        id: 'Re5Ob1rNdTsQ0aHw3LvMyA',
        email: 'renee@example.com',
        first_name: 'Renée',
        last_name: "O'Brien",
        display_name: "Renée <R&D> O'Brien",
        type: 2,
        status: 'active',
        account_id: CREDENTIALS.accountId,
      },
    });
    expect((await harness.get('/users/Re5Ob1rNdTsQ0aHw3LvMyA')).body).toEqual(byEmail.body);
    expect(await harness.get('/users/priya@example.com')).toMatchObject({
      status: 200,
      body: { type: 1 },
    });
  });

  it('answers 404 / 1001 for an unknown user', async () => {
    const harness = await startDemoZoom();
    expect(await harness.get('/users/ghost@example.com')).toMatchObject({
      status: 404,
      body: { code: 1001, message: 'User does not exist: ghost@example.com.' },
    });
  });
});
