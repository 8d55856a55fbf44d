import type { RespondArguments, RespondFn } from '@slack/bolt';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { noticeQueued } from '../../src/interim-notice.js';
import { createInterimAnswers } from '../../src/slack/interim-answer.js';

const setup = (
  post: (message: string | RespondArguments) => Promise<void>,
  replaceOriginal = false,
) => {
  const lines: string[] = [];
  const respond: RespondFn = async (message) => {
    await post(message);
    return new Response('ok');
  };
  const interim = createInterimAnswers({
    respond,
    replaceOriginal,
    logger: pino({ level: 'warn' }, { write: (line: string) => lines.push(line) }),
  });
  return { interim, lines };
};

describe('createInterimAnswers', () => {
  it('posts the first queue notice of the work once, and says the answer must replace it', async () => {
    const posted: RespondArguments[] = [];
    const { interim } = setup(async (message) => {
      posted.push(message as RespondArguments);
    });
    const result = await interim.run(async () => {
      noticeQueued({ ahead: 42, estimatedWaitMs: 10_800 });
      noticeQueued({ ahead: 41, estimatedWaitMs: 9_600 });
      return 'page';
    });
    expect(result).toBe('page');
    await expect(interim.settled()).resolves.toBe(true);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(posted[0]?.text).toContain('behind 42 requests');
  });

  it('posts nothing when nobody waited long', async () => {
    let calls = 0;
    const { interim } = setup(async () => {
      calls += 1;
    });
    await interim.run(async () => 'page');
    await expect(interim.settled()).resolves.toBe(false);
    expect(calls).toBe(0);
  });

  it('replaces the clicked message with the note on a button', async () => {
    const posted: RespondArguments[] = [];
    const { interim } = setup(async (message) => {
      posted.push(message as RespondArguments);
    }, true);
    await interim.run(async () => noticeQueued({ ahead: 9, estimatedWaitMs: 3_600 }));
    expect(posted[0]?.replace_original).toBe(true);
  });

  it('logs a response_url refusing the note and lets the answer come as a new message', async () => {
    const { interim, lines } = setup(async () => {
      throw new Error('expired_url');
    });
    await interim.run(async () => noticeQueued({ ahead: 9, estimatedWaitMs: 3_600 }));
    await expect(interim.settled()).resolves.toBe(false);
    expect(lines.join('')).toContain('response_url refused the interim answer');
  });
});
