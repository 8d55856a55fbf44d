import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node flags production runs the app with: the runtime stage's `NODE_OPTIONS` in the
 * Dockerfile (package.json's `start` passes the same; test/dockerfile.test.ts checks they agree).
 * The bench passes them too, so it measures the app as it is deployed, heap caps included.
 */
export const productionNodeFlags = (repoRoot: string): readonly string[] => {
  const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
  const value = /\bNODE_OPTIONS="([^"]*)"/.exec(dockerfile)?.[1];
  if (value === undefined) throw new Error('the Dockerfile sets no NODE_OPTIONS="…"');
  return value.split(/\s+/).filter((flag) => flag !== '');
};
