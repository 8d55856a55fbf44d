import { RespondError } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { createSealedRespond, responseUrlOf } from '../../../src/slack/seal/sealed-respond.js';

const policy = {
  seal: { seal: (value: string) => `sealed(${value})`, unseal: () => undefined },
  sealedSelects: new Set<string>(),
};

const URL = 'https://hooks.slack.test/commands/T1/1/abc';

describe('the sealed respond', () => {
  it('posts the message as JSON to the response_url once, with every button value sealed', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('ok'));
    const message = {
      response_type: 'ephemeral' as const,
      text: 'page 1',
      blocks: [{ type: 'actions', elements: [{ type: 'button', value: 'page-2' }] }],
    };
    await createSealedRespond(policy, fetch)(URL)(message as never);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(URL);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({
      ...message,
      blocks: [{ type: 'actions', elements: [{ type: 'button', value: 'sealed(page-2)' }] }],
    });
    expect(message.blocks[0]?.elements[0]?.value).toBe('page-2');
  });

  it('takes a string as the text, as Bolt does', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('ok'));
    await createSealedRespond(policy, fetch)(URL)('Working on it');
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({ text: 'Working on it' });
  });

  it("throws Bolt's RespondError with the status when Slack refuses the answer", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () => new Response('expired_url', { status: 404, statusText: 'Not Found' }),
    );
    const sent = createSealedRespond(policy, fetch)(URL)({ text: 'late' });
    await expect(sent).rejects.toBeInstanceOf(RespondError);
    await expect(sent).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('responseUrlOf', () => {
  it("reads a command's or a click's response_url, else a view submission's first", () => {
    expect(responseUrlOf({ response_url: URL })).toBe(URL);
    expect(responseUrlOf({ response_urls: [{ response_url: URL }, { response_url: 'x' }] })).toBe(
      URL,
    );
    for (const body of [{}, { response_url: '' }, { response_urls: [] }, null, 'text']) {
      expect(responseUrlOf(body)).toBeUndefined();
    }
  });
});
