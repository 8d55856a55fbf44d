import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const SCANNED = ['src', 'test', 'bench', '.ci', 'spec', 'docs'];
const OUTSIDE = /\.\.\/shared\b/;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === '__snapshots__') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('the repository', () => {
  it('names no path outside its own tree', () => {
    const offenders = SCANNED.flatMap((dir) => filesUnder(join(ROOT, dir)))
      .filter((path) => !path.endsWith('.png'))
      .filter((path) => OUTSIDE.test(readFileSync(path, 'utf8')));
    expect(offenders).toStrictEqual([]);
  });

  it('keeps every vendored specification with its source', () => {
    const source = readFileSync(join(ROOT, 'spec/SOURCE.md'), 'utf8');
    const vendored = filesUnder(join(ROOT, 'spec'))
      .map((path) => path.slice(join(ROOT, 'spec/').length))
      .filter((path) => path !== 'SOURCE.md');
    expect(vendored.length).toBeGreaterThan(0);
    for (const file of vendored) expect(source).toContain(`\`${file}\``);
  });
});
