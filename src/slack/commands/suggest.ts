import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to what was typed, as `{ suggestion }`, when it is near enough to be a
 * typo (at most two edits, and at most half the word); `{}` otherwise, so a wild guess is never
 * offered as "did you mean …?".
 */
export const nearest = (word: string, candidates: readonly string[]): { suggestion?: string } => {
  const candidate = closest(word, candidates);
  const edits = distance(word, candidate);
  return edits <= Math.min(2, Math.floor(Math.max(word.length, candidate.length) / 2))
    ? { suggestion: candidate }
    : {};
};
