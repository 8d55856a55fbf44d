import { readFileSync, writeFileSync } from 'node:fs';

/** The generated results live between these two lines of docs/benchmarks.md; the prose around them is written by hand. */
export const RESULTS_START = '<!-- bench:results:start (written by `npm run bench -- --write`) -->';
/** The line that ends the generated results. */
export const RESULTS_END = '<!-- bench:results:end -->';

/**
 * Replaces the results block of `path` with `markdown`, keeping everything around it.
 * @throws Error when the file lacks the two marker lines.
 */
export const writeResults = (path: string, markdown: string): void => {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(RESULTS_START);
  const end = text.indexOf(RESULTS_END);
  if (start < 0 || end < start) {
    throw new Error(`${path} needs the lines\n${RESULTS_START}\n${RESULTS_END}`);
  }
  writeFileSync(
    path,
    `${text.slice(0, start + RESULTS_START.length)}\n\n${markdown}\n\n${text.slice(end)}`,
  );
};
