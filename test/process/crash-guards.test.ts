import { EventEmitter } from 'node:events';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { installCrashGuards } from '../../src/process/crash-guards.js';

const capture = () => {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
};

describe('installCrashGuards', () => {
  it('logs an unhandled rejection and an uncaught exception, with the stack, and keeps going', () => {
    const source = new EventEmitter();
    const { logger, lines } = capture();
    installCrashGuards(source, logger);
    source.emit('unhandledRejection', new Error('background job failed'));
    source.emit('uncaughtException', new TypeError('bug in a timer'));
    expect(lines.map((line) => line.msg)).toEqual(['unhandled rejection', 'uncaught exception']);
    expect(lines[0]?.err).toMatchObject({ message: 'background job failed' });
    expect(lines[1]?.err).toMatchObject({
      stack: expect.stringContaining('TypeError: bug in a timer'),
    });
  });

  it('leaves nothing behind once removed', () => {
    const source = new EventEmitter();
    const remove = installCrashGuards(source, capture().logger);
    expect(source.listenerCount('uncaughtException')).toBe(1);
    remove();
    expect(source.listenerCount('uncaughtException')).toBe(0);
    expect(source.listenerCount('unhandledRejection')).toBe(0);
  });
});
