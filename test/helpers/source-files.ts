import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The app's source folder, `src/`, as a path. */
export const SRC = new URL('../../src/', import.meta.url).pathname;

/** Every `.ts` file under `dir`, at any depth. */
export const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return path.endsWith('.ts') ? [path] : [];
  });
