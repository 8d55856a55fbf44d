import type { Route } from './router.js';

/** Scopes a demo token carries unless told otherwise: what the app's README asks admins for. */
export const DEFAULT_GRANTED_SCOPES: readonly string[] = [
  'phone:read:admin',
  'phone_sms:read:admin',
  'user:read:admin',
  'phone_sms:write:admin',
];

interface OperationScopes {
  /** Any one of these lets the call through (the operation's `security` in the spec). */
  readonly accepted: readonly string[];
  /** What the 4711 message names: the admin classic scopes, as Zoom lists them to S2S apps. */
  readonly named: readonly string[];
}

const OPERATION_SCOPES: Readonly<Record<Exclude<Route['kind'], 'token'>, OperationScopes>> = {
  list: {
    accepted: [
      'phone:read:admin',
      'phone:read',
      'phone_sms:read',
      'phone_sms:read:admin',
      'phone:read:list_sms_sessions',
      'phone:read:list_sms_sessions:admin',
    ],
    named: ['phone:read:admin', 'phone_sms:read:admin'],
  },
  details: {
    accepted: [
      'phone:read:admin',
      'phone:read',
      'phone_sms:read',
      'phone_sms:read:admin',
      'phone:read:sms_session',
      'phone:read:sms_session:admin',
    ],
    named: ['phone:read:admin', 'phone_sms:read:admin'],
  },
  'call-queues': {
    accepted: ['phone:read:admin', 'phone:read:list_call_queues:admin'],
    named: ['phone:read:admin'],
  },
  'auto-receptionists': {
    accepted: ['phone:read:admin', 'phone:read:list_auto_receptionists:admin'],
    named: ['phone:read:admin'],
  },
  'phone-user': {
    accepted: ['phone:read', 'phone:read:admin', 'phone:read:user', 'phone:read:user:admin'],
    named: ['phone:read:admin'],
  },
  send: {
    accepted: [
      'phone:write:admin',
      'phone:write',
      'phone_sms:write',
      'phone_sms:write:admin',
      'phone:read:sms_message',
      'phone:read:sms_message:admin',
    ],
    named: ['phone:write:admin', 'phone_sms:write:admin'],
  },
  user: {
    accepted: [
      'user:read',
      'user:write',
      'user:read:admin',
      'user:write:admin',
      'user_profile',
      'user:read:user',
      'user:read:user:admin',
    ],
    named: ['user:read:admin', 'user:write:admin'],
  },
};

/**
 * The scopes an operation lacks, as Zoom names them in its 4711 message, or `undefined` when
 * `granted` holds one that the spec accepts.
 */
export const missingScopes = (
  kind: Exclude<Route['kind'], 'token'>,
  granted: readonly string[],
): readonly string[] | undefined => {
  const scopes = OPERATION_SCOPES[kind];
  return scopes.accepted.some((scope) => granted.includes(scope)) ? undefined : scopes.named;
};
