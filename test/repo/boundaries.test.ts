import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, SRC } from '../helpers/source-files.js';

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/g;

/** Every relative import of every file of src/, as paths relative to src/ (`zoom/schemas.ts`). */
const imports: readonly { readonly file: string; readonly target: string }[] = filesUnder(
  SRC,
).flatMap((path) =>
  [...readFileSync(path, 'utf8').matchAll(IMPORT)].map((match) => ({
    file: relative(SRC, path),
    target: relative(SRC, join(dirname(path), (match[1] ?? '').replace(/\.js$/, '.ts'))),
  })),
);

const offenders = (from: RegExp, to: RegExp): string[] =>
  imports
    .filter(({ file, target }) => from.test(file) && to.test(target))
    .map(({ file, target }) => `${file} → ${target}`);

describe('the import boundaries (STYLE: each part has one room)', () => {
  it('finds the imports it checks', () => {
    expect(offenders(/^render\//, /^domain\//).length).toBeGreaterThan(0);
  });

  it('keeps Zoom’s wire shapes inside src/zoom/', () => {
    expect(offenders(/^(render|export|core|store)\//, /^zoom\/(schemas|to-domain)\.ts$/)).toEqual(
      [],
    );
  });

  it('keeps renderers apart from the Slack listeners and the store', () => {
    expect(offenders(/^render\//, /^(slack|store)\//)).toEqual([]);
  });

  it('keeps the domain free of every other room', () => {
    expect(offenders(/^domain\//, /^(?!domain\/)/)).toEqual([]);
  });

  it('has the cursor wire codec depend on the cursor, never the reverse', () => {
    expect(offenders(/^query\/cursor\.ts$/, /^query\/cursor-wire\.ts$/)).toEqual([]);
  });
});
