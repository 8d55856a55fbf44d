/**
 * Remembered answers of a pure, costly function, at most `max` of them: past it, the oldest is
 * forgotten first, so a stream of new keys (numbers, zone names) costs bounded memory.
 */
export interface BoundedMemo<K, V> {
  /**
   * The answer for `key`, computed by `compute` on a miss. An `undefined` answer is not
   * remembered, so keys that lead nowhere (an unknown zone name) never take a place.
   */
  get(key: K, compute: (key: K) => V): V;
  /** Answers remembered now; never more than {@link BoundedMemo.max}. */
  readonly size: number;
  readonly max: number;
}

/** Builds a {@link BoundedMemo} holding at most `max` answers (first in, first out). */
export const createBoundedMemo = <K, V>(max: number): BoundedMemo<K, V> => {
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`max must be a positive integer, got ${max}`);
  }
  const answers = new Map<K, V>();
  return {
    get: (key, compute) => {
      if (answers.has(key)) return answers.get(key) as V;
      const answer = compute(key);
      if (answer === undefined) return answer;
      if (answers.size >= max) {
        const oldest = answers.keys().next();
        if (oldest.done !== true) answers.delete(oldest.value);
      }
      answers.set(key, answer);
      return answer;
    },
    get size() {
      return answers.size;
    },
    max,
  };
};
