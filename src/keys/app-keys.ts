import { createHmac, hkdfSync } from 'node:crypto';

/** What each derived key is for; a key is never used for two purposes. */
type KeyPurpose = 'pseudonym' | 'button';

/** Hex characters of a pseudonym kept in log lines: enough to correlate lines, no more. */
export const PSEUDONYM_CHARS = 16;

const derive = (secret: string, purpose: KeyPurpose): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'sms-sessions-for-slack', `app-keys/v1/${purpose}`, 32));

/**
 * The app's own keys, each derived (HKDF-SHA256) from one deployment secret (`APP_SECRET`), so
 * one secret to keep and rotate yields independent keys for independent jobs.
 */
export interface AppKeys {
  /** HMAC key for pseudonyms of people in logs (the audit line's `zoomUserHash`). */
  readonly pseudonym: Buffer;
  /**
   * HMAC keys for button values, the current one first: a value signed with the previous secret
   * (`APP_SECRET_PREVIOUS`) still verifies while both are configured, so a rotation does not
   * break every button people already have.
   */
  readonly buttons: readonly Buffer[];
}

/** Derives {@link AppKeys} from the current secret and, during a rotation, the previous one. */
export const deriveAppKeys = (secrets: {
  readonly current: string;
  readonly previous?: string | undefined;
}): AppKeys => ({
  pseudonym: derive(secrets.current, 'pseudonym'),
  buttons: [
    derive(secrets.current, 'button'),
    ...(secrets.previous === undefined ? [] : [derive(secrets.previous, 'button')]),
  ],
});

/**
 * A stable pseudonym for `value` (case-insensitive): an HMAC under a deployment key, so that
 * hashing a staff list cannot reverse it, as it would an unkeyed hash.
 */
export const pseudonymOf = (key: Buffer, value: string): string =>
  createHmac('sha256', key).update(value.toLowerCase()).digest('hex').slice(0, PSEUDONYM_CHARS);
