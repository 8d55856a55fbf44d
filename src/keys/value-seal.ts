import { createHmac, timingSafeEqual } from 'node:crypto';

/** Base64url characters of a seal's tag: 84 bits of HMAC-SHA256, ample against forgery. */
const TAG_CHARS = 14;

/** What a seal adds to a value: a separator and the tag. */
export const SEAL_CHARS = TAG_CHARS + 1;

const SEPARATOR = '.';

/**
 * Seals values the app hands to Slack and gets back from people (button values, select options,
 * `private_metadata`), so that one edited by hand is recognised and refused.
 */
export interface ValueSeal {
  /** `value` with its tag appended, under the current key. */
  seal(value: string): string;
  /**
   * The value a sealed string stands for, when its tag verifies under the current key or the
   * previous one (during a rotation); `undefined` for anything else.
   */
  unseal(sealed: string): string | undefined;
}

const tagOf = (key: Buffer, value: string): string =>
  createHmac('sha256', key).update(value).digest('base64url').slice(0, TAG_CHARS);

/**
 * A {@link ValueSeal} over `keys`, current first (`AppKeys.buttons`): every key verifies, only the
 * first signs, so values sealed before a rotation keep working while the previous secret is set.
 */
export const createValueSeal = (keys: readonly Buffer[]): ValueSeal => {
  const [current] = keys;
  if (current === undefined) throw new Error('a value seal needs a key');
  return {
    seal: (value) => `${value}${SEPARATOR}${tagOf(current, value)}`,
    unseal: (sealed) => {
      const at = sealed.lastIndexOf(SEPARATOR);
      if (at < 0 || sealed.length - at - 1 !== TAG_CHARS) return undefined;
      const value = sealed.slice(0, at);
      const tag = Buffer.from(sealed.slice(at + 1));
      const verifies = keys.some((key) => timingSafeEqual(Buffer.from(tagOf(key, value)), tag));
      return verifies ? value : undefined;
    },
  };
};
