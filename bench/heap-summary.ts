import { readFileSync } from 'node:fs';

/** What a V8 heap snapshot holds, summed by what each object is. */
export interface HeapSummary {
  readonly totalBytes: number;
  /** `constructor or kind` → bytes (self sizes), largest first. */
  readonly groups: ReadonlyMap<string, { readonly bytes: number; readonly count: number }>;
}

interface RawSnapshot {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: string[];
      readonly node_types: [string[], ...unknown[]];
    };
  };
  readonly nodes: number[];
  readonly strings: string[];
}

/** Kinds whose every object is one group, whatever its name (a string's name is its text). */
const KINDS_BY_TYPE = new Set(['string', 'concatenated string', 'sliced string', 'number', 'code']);

/**
 * Sums a `.heapsnapshot` (V8's JSON: a flat `nodes` array described by `meta.node_fields`) by
 * constructor name for objects and closures, and by kind for strings, arrays, code and the rest.
 * Self sizes only: what each group holds itself, not what it keeps alive.
 * https://v8.dev/docs/heap-snapshot-format
 */
export const summariseHeapSnapshot = (path: string): HeapSummary => {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawSnapshot;
  const fields = raw.snapshot.meta.node_fields;
  const types = raw.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, { bytes: number; count: number }>();
  let totalBytes = 0;
  for (let i = 0; i < raw.nodes.length; i += width) {
    const type = types[raw.nodes[i + typeAt] ?? 0] ?? '?';
    const name = raw.strings[raw.nodes[i + nameAt] ?? 0] ?? '?';
    const bytes = raw.nodes[i + sizeAt] ?? 0;
    const key = KINDS_BY_TYPE.has(type) ? `(${type})` : `${name} (${type})`;
    const group = groups.get(key) ?? { bytes: 0, count: 0 };
    group.bytes += bytes;
    group.count += 1;
    groups.set(key, group);
    totalBytes += bytes;
  }
  return { totalBytes, groups: new Map([...groups].sort((a, b) => b[1].bytes - a[1].bytes)) };
};

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/** The largest groups of the last snapshot, with their growth since the first, as Markdown. */
export const renderHeapSummaries = (
  labelled: readonly { readonly label: string; readonly summary: HeapSummary }[],
  top = 25,
): string => {
  const first = labelled[0];
  const last = labelled.at(-1);
  if (first === undefined || last === undefined) return 'No heap snapshot was written.';
  const rows = [...last.summary.groups].slice(0, top).map(([key, group]) => {
    const before = first.summary.groups.get(key)?.bytes ?? 0;
    const escaped = key.replaceAll('|', '\\|');
    return `| ${escaped} | ${group.count.toLocaleString('en-US')} | ${mib(group.bytes)} | ${mib(group.bytes - before)} |`;
  });
  return [
    `### Heap snapshots: ${labelled.map((s) => `${s.label} ${mib(s.summary.totalBytes)}`).join(', ')}`,
    '',
    `| what (self sizes) | objects in ${last.label} | bytes in ${last.label} | since ${first.label} |`,
    '| --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
};
