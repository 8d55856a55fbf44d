import { Writable } from 'node:stream';
import { systemClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import type { PageEvent } from '../../src/playground/page-protocol.js';
import { loadPlaygroundSettings, type PlaygroundSettings } from '../../src/playground/settings.js';
import { type RunningPlayground, startPlayground } from '../../src/playground/start-playground.js';

/** The settings `npm run playground` uses with nothing configured, on a free port. */
export const TEST_SETTINGS: PlaygroundSettings = loadPlaygroundSettings({ PORT: '0' });

/** A playground whose log lines are kept for assertions instead of printed. */
export const startTestPlayground = async (
  settings: Partial<PlaygroundSettings> = {},
): Promise<{ playground: RunningPlayground; logLines: string[]; origin: string }> => {
  const logLines: string[] = [];
  const logger = createLogger(
    'warn',
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    }),
  );
  const playground = await startPlayground({
    settings: { ...TEST_SETTINGS, ...settings },
    clock: systemClock,
    logger,
  });
  return { playground, logLines, origin: playground.url.replace(/\/$/, '') };
};

/** Reads the page's event stream as the browser's `EventSource` does. */
export const openEventStream = async (origin: string) => {
  const controller = new AbortController();
  const response = await fetch(`${origin}/playground/stream`, { signal: controller.signal });
  if (response.body === null) throw new Error('no event stream');
  const events: PageEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        if (data !== '') events.push(JSON.parse(data) as PageEvent);
        for (const wake of waiters) wake();
        end = buffer.indexOf('\n\n');
      }
    }
  };
  pump().catch(() => {});
  return {
    events,
    /** Resolves with the first event (from now on or already seen) that `predicate` accepts. */
    waitFor: <E extends PageEvent>(
      predicate: (event: PageEvent) => event is E,
      timeoutMs = 8_000,
    ): Promise<E> =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event in ${timeoutMs} ms: ${JSON.stringify(events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => controller.abort(),
  };
};

/** POSTs JSON to the playground as the page does. */
export const postJson = (origin: string, path: string, body: unknown, headers = {}) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** POSTs JSON to the playground as the page does and reads its `{ ok, error }` answer. */
export const postForAnswer = async (origin: string, path: string, body: unknown) =>
  (await (await postJson(origin, path, body)).json()) as { ok: boolean; error?: string };
