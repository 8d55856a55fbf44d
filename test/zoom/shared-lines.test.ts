import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoLine, demoUser } from '../../src/demo-zoom/index.js';
import { listSharedLines } from '../../src/demo-zoom/routes/shared-lines.js';
import { sharedLinesRequest } from '../../src/zoom/shared-lines.js';

interface JsonSchema {
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
}
const spec = JSON.parse(
  readFileSync(new URL('../../spec/zoom/phone-sms-events-and-send.json', import.meta.url), 'utf8'),
) as {
  paths: Record<
    string,
    {
      get: {
        responses: Record<string, { content: { 'application/json': { schema: JsonSchema } } }>;
      };
    }
  >;
};

const responseSchema = (path: string): JsonSchema => {
  const schema = spec.paths[path]?.get.responses['200']?.content['application/json'].schema;
  if (schema === undefined) throw new Error(`no 200 for ${path}`);
  return schema;
};

const strayKeys = (value: unknown, schema: JsonSchema, at = '$'): string[] => {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) =>
      schema.items ? strayKeys(item, schema.items, `${at}[${i}]`) : [],
    );
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const declared = schema.properties?.[key];
    return declared ? strayKeys(child, declared, `${at}.${key}`) : [`${at}.${key}`];
  });
};

const alice = demoUser({ email: 'alice@example.com' });
const lines = [demoLine({ kind: 'call_queue', name: 'Support', members: [alice] })];

describe('listSharedLines (demo Zoom) and sharedLinesRequest (client)', () => {
  it.each([
    ['call-queues', '/phone/call_queues', 'call_queue'],
    ['auto-receptionists', '/phone/auto_receptionists', 'auto_receptionist'],
  ] as const)(
    'answers %s with keys the spec declares, read into domain lines',
    (kind, path, lineKind) => {
      const answer = listSharedLines({
        kind,
        lines,
        query: new URLSearchParams({ page_size: '100' }),
      });
      expect(answer.status).toBe(200);
      expect(strayKeys(answer.body, responseSchema(path))).toStrictEqual([]);
      const request = sharedLinesRequest(lineKind);
      expect(request.template).toBe(path);
      expect(request.query).toStrictEqual({ page_size: 100 });
      expect(request.schema.parse(answer.body)).toStrictEqual({
        lines: [{ id: lines[0]?.id, kind: lineKind, name: 'Support' }],
        nextPageToken: '',
      });
    },
  );

  it('refuses a page size Zoom refuses', () => {
    const answer = listSharedLines({
      kind: 'call-queues',
      lines,
      query: new URLSearchParams({ page_size: '500' }),
    });
    expect(answer.status).toBe(400);
  });
});
