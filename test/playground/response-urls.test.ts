import { describe, expect, it } from 'vitest';
import {
  createResponseUrls,
  RESPONSE_URL_MAX_USES,
  RESPONSE_URL_TTL_MS,
} from '../../src/playground/response-urls.js';
import { createTimeline, type TimelineChange } from '../../src/playground/timeline.js';
import { createFakeClock } from '../helpers/fake-clock.js';

const setup = () => {
  const clock = createFakeClock();
  const changes: TimelineChange[] = [];
  const timeline = createTimeline({ clock, onChange: (change) => changes.push(change) });
  const urls = createResponseUrls({ clock, timeline, origin: () => 'http://127.0.0.1:3000' });
  const idOf = (url: string) => url.split('/').at(-1) ?? '';
  return { clock, changes, timeline, urls, idOf };
};

const body = (fields: Record<string, unknown>) => JSON.stringify(fields);
const section = (text: string) => [{ type: 'section', text: { type: 'mrkdwn', text } }];

describe('createResponseUrls', () => {
  it('posts an ephemeral answer to a command for its one reader', () => {
    const { urls, timeline, idOf } = setup();
    const url = urls.issue({ userId: 'U0ALICE' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/response\/[\w-]+$/);
    expect(urls.accept(idOf(url), body({ text: 'hi', blocks: section('hi') }))).toEqual({
      status: 200,
      body: 'ok',
    });
    expect(timeline.list()).toMatchObject([
      { author: { kind: 'app' }, visibleTo: 'U0ALICE', text: 'hi', revision: 0 },
    ]);
  });

  it('replaces the message a button was on with replace_original, keeping its ts', () => {
    const { urls, timeline, idOf } = setup();
    const original = timeline.post({
      text: 'page 1',
      author: { kind: 'app' },
      visibleTo: 'U0ALICE',
    });
    const click = idOf(urls.issue({ userId: 'U0ALICE', sourceTs: original.ts }));
    urls.accept(click, body({ replace_original: true, text: 'page 2' }));
    expect(timeline.list()).toMatchObject([{ ts: original.ts, text: 'page 2', revision: 1 }]);
  });

  it('removes the message with delete_original and shows in_channel answers to everyone', () => {
    const { urls, timeline, idOf } = setup();
    const original = timeline.post({ text: 'x', author: { kind: 'app' }, visibleTo: 'U0ALICE' });
    urls.accept(
      idOf(urls.issue({ userId: 'U0ALICE', sourceTs: original.ts })),
      body({ delete_original: 'true' }),
    );
    urls.accept(
      idOf(urls.issue({ userId: 'U0ALICE' })),
      body({ response_type: 'in_channel', text: 'all' }),
    );
    expect(timeline.list()).toMatchObject([{ text: 'all', visibleTo: undefined }]);
  });

  it(`answers 404 after ${RESPONSE_URL_MAX_USES} uses or 30 minutes, as Slack does`, () => {
    const { urls, clock, idOf } = setup();
    const id = idOf(urls.issue({ userId: 'U0ALICE' }));
    for (let use = 0; use < RESPONSE_URL_MAX_USES; use += 1) {
      expect(urls.accept(id, body({ text: `${use}` })).status).toBe(200);
    }
    expect(urls.accept(id, body({ text: 'one more' }))).toEqual({ status: 404, body: 'used_url' });
    const later = idOf(urls.issue({ userId: 'U0ALICE' }));
    clock.advance(RESPONSE_URL_TTL_MS + 1);
    expect(urls.accept(later, body({ text: 'late' }))).toEqual({
      status: 404,
      body: 'expired_url',
    });
    expect(urls.accept('never-issued', body({ text: 'x' })).status).toBe(404);
  });

  it('refuses an answer with neither text nor blocks, and one that is not JSON', () => {
    const { urls, idOf } = setup();
    const id = idOf(urls.issue({ userId: 'U0ALICE' }));
    expect(urls.accept(id, body({ response_type: 'ephemeral' }))).toEqual({
      status: 400,
      body: 'no_text',
    });
    expect(urls.accept(id, 'text=hi')).toEqual({ status: 400, body: 'invalid_payload' });
  });
});

describe('createTimeline', () => {
  it('gives messages increasing Slack-shaped ts and reports every change', () => {
    const { timeline, changes } = setup();
    const first = timeline.post({ text: 'a', author: { kind: 'slackbot' } });
    const second = timeline.post({ text: 'b', author: { kind: 'slackbot' } });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(second.ts > first.ts).toBe(true);
    timeline.remove(first.ts);
    expect(changes.map((change) => change.type)).toEqual(['message', 'message', 'message-deleted']);
  });
});
