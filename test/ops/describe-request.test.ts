import { describe, expect, it } from 'vitest';
import { describeRequest } from '../../src/ops/describe-request.js';

describe('describeRequest', () => {
  it.each([
    [
      'a slash command',
      { command: '/sms-sessions', user_id: 'U1', team_id: 'T1', text: 'phone:+14155550100' },
      { kind: 'command', name: '/sms-sessions', user: 'U1', team: 'T1' },
    ],
    [
      'a button click',
      {
        type: 'block_actions',
        user: { id: 'U2' },
        team: { id: 'T1' },
        actions: [{ action_id: 'page_next', value: 'secret-cursor' }],
      },
      { kind: 'action', name: 'page_next', user: 'U2', team: 'T1' },
    ],
    [
      'a view submission',
      { type: 'view_submission', user: { id: 'U3' }, view: { callback_id: 'link_modal' } },
      { kind: 'view', name: 'link_modal', user: 'U3', team: undefined },
    ],
    [
      'a global shortcut',
      { type: 'shortcut', user: { id: 'U4' }, callback_id: 'open_sessions' },
      { kind: 'shortcut', name: 'open_sessions', user: 'U4', team: undefined },
    ],
    [
      'an Events API event',
      { type: 'event_callback', team_id: 'T1', event: { type: 'app_home_opened', user: 'U5' } },
      { kind: 'event', name: 'app_home_opened', user: 'U5', team: 'T1' },
    ],
    [
      'something else',
      { type: 'url_verification' },
      { kind: 'other', name: 'url_verification', user: undefined, team: undefined },
    ],
    [
      'garbage',
      'not an object',
      { kind: 'other', name: 'unknown', user: undefined, team: undefined },
    ],
  ])('describes %s by identifiers only', (_name, body, expected) => {
    expect(describeRequest(body)).toEqual(expected);
  });
});
