import { createHmac, timingSafeEqual } from 'node:crypto';
import { type BoundedMemo, createBoundedMemo } from '../bounded-memo.js';

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
 * Tags remembered for values sealed lately: a page served again seals the same cursors (its
 * Next, its Open buttons), and an HMAC costs more than a lookup. A few hundred bytes each.
 */
export const SEAL_TAGS_MAX = 2_048;

/**
 * A {@link ValueSeal} over `keys`, current first (`AppKeys.buttons`): every key verifies, only the
 * first signs, so values sealed before a rotation keep working while the previous secret is set.
 * `tags` remembers the current key's tags of values it sealed (never of values it was shown).
 */
export const createValueSeal = (
  keys: readonly Buffer[],
  tags: BoundedMemo<string, string> = createBoundedMemo(SEAL_TAGS_MAX),
): ValueSeal => {
  const [current] = keys;
  if (current === undefined) throw new Error('a value seal needs a key');
  const sign = (value: string) => tagOf(current, value);
  return {
    seal: (value) => `${value}${SEPARATOR}${tags.get(value, sign)}`,
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
