import { describe, expect, it } from 'vitest';
import { formatCheck, formatSummary } from '../../src/cli/report.js';

describe('formatCheck', () => {
  it('prints status, name and summary on one line, and the fix indented below', () => {
    expect(
      formatCheck({ name: 'zoom scopes', status: 'fail', summary: 'missing x', fix: 'add x' }),
    ).toBe('FAIL  zoom scopes       missing x\n      fix: add x\n');
  });

  it('indents the further lines of a summary under the first', () => {
    expect(formatCheck({ name: 'configuration', status: 'pass', summary: 'a\nb' })).toBe(
      'PASS  configuration     a\n                        b\n',
    );
  });
});

describe('formatSummary', () => {
  it('says all passed when nothing failed or warned, skips aside', () => {
    expect(
      formatSummary([
        { name: 'a', status: 'pass', summary: '' },
        { name: 'b', status: 'skip', summary: '' },
      ]),
    ).toBe('\nAll checks passed.\n');
  });

  it('counts failures and warnings and points at Troubleshooting', () => {
    expect(
      formatSummary([
        { name: 'a', status: 'fail', summary: '' },
        { name: 'b', status: 'fail', summary: '' },
        { name: 'c', status: 'warn', summary: '' },
      ]),
    ).toBe('\n2 failed, 1 with warnings. See README.md, "Troubleshooting".\n');
  });
});
