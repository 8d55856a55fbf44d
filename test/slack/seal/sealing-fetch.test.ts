import { describe, expect, it, vi } from 'vitest';
import { createSealingFetch } from '../../../src/slack/seal/sealing-fetch.js';

const policy = {
  seal: { seal: (value: string) => `sealed(${value})`, unseal: () => undefined },
  sealedSelects: new Set<string>(),
};

const blocks = [{ type: 'actions', elements: [{ type: 'button', value: 'page-2' }] }];
const sealedBlocks = [{ type: 'actions', elements: [{ type: 'button', value: 'sealed(page-2)' }] }];

/** The body the sealing fetch handed on for a post with these headers and body. */
const sentBody = async (headers: RequestInit['headers'], body: string): Promise<unknown> => {
  const base = vi.fn<typeof fetch>(async () => new Response('{}'));
  await createSealingFetch(policy, base)('https://slack.test/api/chat.postMessage', {
    method: 'POST',
    ...(headers === undefined ? {} : { headers }),
    body,
  });
  return base.mock.calls[0]?.[1]?.body;
};

describe('the sealing fetch', () => {
  it('seals a JSON body whatever case or shape its content type comes in', async () => {
    const json = JSON.stringify({ blocks });
    const shapes: RequestInit['headers'][] = [
      { 'Content-Type': 'application/json; charset=utf-8' },
      { 'content-type': 'Application/JSON' },
      new Headers({ 'Content-Type': 'application/json' }),
      [['CONTENT-TYPE', 'application/json']],
    ];
    for (const headers of shapes) {
      expect(JSON.parse(String(await sentBody(headers, json)))).toEqual({ blocks: sealedBlocks });
    }
  });

  it('seals the Block Kit arguments of a form body', async () => {
    const form = new URLSearchParams({ channel: 'C1', blocks: JSON.stringify(blocks) }).toString();
    const sent = new URLSearchParams(
      String(await sentBody({ 'Content-Type': 'application/x-www-form-urlencoded' }, form)),
    );
    expect(sent.get('channel')).toBe('C1');
    expect(JSON.parse(sent.get('blocks') ?? '')).toEqual(sealedBlocks);
  });

  it('leaves other bodies as they are', async () => {
    const json = JSON.stringify({ blocks });
    expect(await sentBody(undefined, json)).toBe(json);
    expect(await sentBody({ 'content-type': 'text/plain' }, json)).toBe(json);
  });
});
