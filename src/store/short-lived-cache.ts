/**
 * Cache entries that live at most this long are kept in memory by the SQLite store, not on
 * disk: Zoom pages (30 s), people and identities (5 to 10 minutes), a line directory. Losing them
 * on a restart costs a Zoom or Slack call, while writing each to the file cost a commit and
 * reading it back a query and a copy on every command. Longer-lived entries (Home filters kept
 * for 90 days, a DM channel id, a message's dedupe claim) stay in SQLite.
 */
export const SHORT_LIVED_MAX_TTL_MS = 15 * 60 * 1000;

/**
 * The most characters of JSON the short-lived tier holds (about 4 MiB for the ASCII JSON it
 * holds): a page of ten sessions is about 5,000, so the pages of some 800 people at once, each
 * kept at most 30 seconds. Past it the least recently used entries go first; a miss costs one
 * call to Zoom or Slack.
 */
export const SHORT_LIVED_MAX_CHARS = 4 * 1024 * 1024;

interface Entry {
  readonly json: string;
  readonly expiresAtMs: number;
}

/** Short-lived JSON values in memory, bounded by their total size and by their expiry. */
export interface ShortLivedCache {
  /** The JSON stored under `key` until `expiresAtMs`; `undefined` when absent or expired. */
  get(key: string, nowMs: number): string | undefined;
  set(key: string, json: string, expiresAtMs: number): void;
  delete(key: string): void;
  /** Characters of JSON held now; never more than {@link ShortLivedCache.maxChars}. */
  readonly chars: number;
  readonly maxChars: number;
}

/**
 * Builds a {@link ShortLivedCache}: a `Map` in recency order (a read moves its entry to the end),
 * evicting from the front until a new entry fits. A value larger than the whole budget is not
 * kept at all. Written by hand rather than with an LRU package because it is the Map's own order
 * plus a size count, and the store's expiry rules (checked on read) are the app's.
 */
export const createShortLivedCache = (maxChars = SHORT_LIVED_MAX_CHARS): ShortLivedCache => {
  const entries = new Map<string, Entry>();
  let chars = 0;
  const sizeOf = (key: string, entry: Entry): number => key.length + entry.json.length;
  const remove = (key: string): void => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    chars -= sizeOf(key, entry);
  };
  return {
    get: (key, nowMs) => {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (entry.expiresAtMs <= nowMs) {
        chars -= sizeOf(key, entry);
        return undefined;
      }
      entries.set(key, entry);
      return entry.json;
    },
    set: (key, json, expiresAtMs) => {
      remove(key);
      const entry = { json, expiresAtMs };
      const size = sizeOf(key, entry);
      if (size > maxChars) return;
      for (const [oldestKey] of entries) {
        if (chars + size <= maxChars) break;
        remove(oldestKey);
      }
      entries.set(key, entry);
      chars += size;
    },
    delete: remove,
    get chars() {
      return chars;
    },
    maxChars,
  };
};
