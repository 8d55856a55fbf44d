import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZOOM_DOCUMENTED_ERRORS, ZOOM_OAUTH } from '../../src/zoom/platform-facts.js';
import {
  zoomErrorBodySchema,
  zoomPhoneUserSchema,
  zoomSmsSessionsPageSchema,
  zoomTokenErrorBodySchema,
  zoomTokenResponseSchema,
  zoomUserSchema,
} from '../../src/zoom/schemas.js';

const SPEC_URL = new URL('../../spec/zoom/phone-sms-openapi.json', import.meta.url);
const FIXTURES_URL = new URL('../fixtures/zoom/', import.meta.url);

/** The slice of OpenAPI this test walks. */
interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly allOf?: readonly JsonSchema[];
}
interface Operation {
  readonly responses: Readonly<
    Record<
      string,
      { description?: string; content?: { 'application/json'?: { schema: JsonSchema } } }
    >
  >;
}
interface Spec {
  readonly paths: Readonly<Record<string, { get: Operation }>>;
}

const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as Spec;

const operation = (path: string) => {
  const found = spec.paths[path]?.get;
  if (!found) throw new Error(`The spec has no GET ${path}`);
  return found;
};

const responseSchema = (path: string): JsonSchema => {
  const schema = operation(path).responses['200']?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`The spec has no JSON 200 for GET ${path}`);
  return schema;
};

const merged = (schema: JsonSchema): JsonSchema =>
  schema.allOf
    ? {
        type: 'object',
        properties: Object.assign({}, ...schema.allOf.map((part) => merged(part).properties)),
      }
    : schema;

/** Paths in `value` that `schema` does not declare (empty when all are declared). */
const strayKeys = (value: unknown, raw: JsonSchema, at = '$'): string[] => {
  const schema = merged(raw);
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      schema.items ? strayKeys(item, schema.items, `${at}[${index}]`) : [],
    );
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const declared = schema.properties?.[key];
    return declared ? strayKeys(child, declared, `${at}.${key}`) : [`${at}.${key}`];
  });
};

/** Keys a zod object schema reads, as a JSON-schema-like tree, so a schema can be held to the spec. */
const zodShape = (schema: z.ZodType): JsonSchema => {
  if (schema instanceof z.ZodOptional) return zodShape(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray)
    return { type: 'array', items: zodShape(schema.element as z.ZodType) };
  if (schema instanceof z.ZodObject) {
    return {
      type: 'object',
      properties: Object.fromEntries(
        Object.entries(schema.shape).map(([key, child]) => [key, zodShape(child as z.ZodType)]),
      ),
    };
  }
  return {};
};

/** A key-only example of every key a zod schema reads. */
const zodExample = (shape: JsonSchema): unknown =>
  shape.type === 'array' && shape.items
    ? [zodExample(shape.items)]
    : shape.properties
      ? Object.fromEntries(
          Object.entries(shape.properties).map(([key, child]) => [key, zodExample(child)]),
        )
      : 0;

type Source =
  | { readonly kind: 'response'; readonly path: string }
  | { readonly kind: 'error'; readonly path: string; readonly status: string }
  | { readonly kind: 'facts' }
  | { readonly kind: 'token' };

const SESSIONS_PATH = '/phone/users/{userId}/sms/sessions';

const response = (schema: z.ZodType, path: string) =>
  ({ schema, source: { kind: 'response', path } }) as const;
const documentedError = (path: string, status: string) =>
  ({ schema: zoomErrorBodySchema, source: { kind: 'error', path, status } }) as const;
const documentedElsewhere = (schema: z.ZodType = zoomErrorBodySchema) =>
  ({ schema, source: { kind: 'facts' } }) as const;

/**
 * Every fixture, the schema the app reads it with, and where Zoom documents it: the vendored spec
 * (spec/zoom) when it does, src/zoom/platform-facts.ts (Zoom's other docs, as data) otherwise.
 */
const FIXTURES: Readonly<Record<string, { schema: z.ZodType; source: Source }>> = {
  'sessions-page-1.json': response(zoomSmsSessionsPageSchema, SESSIONS_PATH),
  'sessions-last-page.json': response(zoomSmsSessionsPageSchema, SESSIONS_PATH),
  'sessions-empty.json': response(zoomSmsSessionsPageSchema, SESSIONS_PATH),
  'user.json': response(zoomUserSchema, '/users/{userId}'),
  'phone-user.json': response(zoomPhoneUserSchema, '/phone/users/{userId}'),
  'token.json': { schema: zoomTokenResponseSchema, source: { kind: 'token' } },
  'error-token-invalid-client.json': documentedElsewhere(zoomTokenErrorBodySchema),
  'error-user-not-found.json': documentedError(SESSIONS_PATH, '404'),
  'error-invalid-user.json': documentedError(SESSIONS_PATH, '400'),
  'error-sms-retrieval.json': documentedError(SESSIONS_PATH, '404'),
  'error-account-not-found.json': documentedError(SESSIONS_PATH, '404'),
  'error-page-token-expired.json': documentedError(SESSIONS_PATH, '400'),
  'error-session-type-invalid.json': documentedError(SESSIONS_PATH, '400'),
  'error-invitation-expired.json': documentedError('/users/{userId}', '400'),
  'error-invalid-access-token.json': documentedElsewhere(),
  'error-missing-scopes.json': documentedElsewhere(),
  'error-phone-not-enabled.json': documentedElsewhere(),
  'error-rate-limited.json': documentedElsewhere(),
};

/** Fixtures documented by one kind of source, with that source narrowed. */
const documentedBy = <K extends Source['kind']>(kind: K) =>
  Object.entries(FIXTURES).flatMap(([name, { source }]) =>
    source.kind === kind ? [[name, source as Extract<Source, { kind: K }>] as const] : [],
  );

const load = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, FIXTURES_URL), 'utf8'));

describe('Zoom fixtures', () => {
  it('lists every file in test/fixtures/zoom', () => {
    expect(readdirSync(FIXTURES_URL).sort()).toStrictEqual(Object.keys(FIXTURES).sort());
  });

  it.each(Object.entries(FIXTURES))(
    'parses %s with the schema the app uses',
    (name, { schema }) => {
      expect(schema.safeParse(load(name)).error).toBeUndefined();
    },
  );

  it.each(documentedBy('response'))('keeps %s to the keys the spec declares', (name, { path }) => {
    expect(strayKeys(load(name), responseSchema(path))).toStrictEqual([]);
  });

  it.each(Object.entries(FIXTURES).filter(([, { source }]) => source.kind !== 'response'))(
    'keeps %s to the keys its schema reads',
    (name, { schema }) => {
      expect(strayKeys(load(name), zodShape(schema))).toStrictEqual([]);
    },
  );

  it.each(documentedBy('error'))(
    'finds the code and message of %s in the spec’s error table',
    (name, { path, status }) => {
      const description = operation(path).responses[status]?.description ?? '';
      const body = zoomErrorBodySchema.parse(load(name));
      expect(description).toContain(`**Error Code:** \`${body.code}\``);
      expect(description).toContain((body.message ?? '').split(':')[0]);
    },
  );

  it.each(documentedBy('facts'))('finds %s among the documented facts', (name) => {
    const body = load(name) as { code?: number; message?: string; error?: string; reason?: string };
    if (body.error !== undefined) {
      expect(body).toStrictEqual(ZOOM_OAUTH.invalidClient);
      return;
    }
    const fact = ZOOM_DOCUMENTED_ERRORS.find((known) => known.code === body.code);
    expect(fact).toBeDefined();
    expect(body.message).toContain(fact?.message);
  });
});

describe('Zoom schemas', () => {
  it.each([
    ['zoomSmsSessionsPageSchema', zoomSmsSessionsPageSchema, SESSIONS_PATH],
    ['zoomUserSchema', zoomUserSchema, '/users/{userId}'],
    ['zoomPhoneUserSchema', zoomPhoneUserSchema, '/phone/users/{userId}'],
  ])('%s reads only keys the spec declares', (_, schema, path) => {
    expect(strayKeys(zodExample(zodShape(schema)), responseSchema(path))).toStrictEqual([]);
  });
});
