import { pino } from 'pino';
import type { AppLogger } from '../../src/logger.js';

/** A logger that drops everything, for stores under test. */
export const silentLogger: AppLogger = pino({ level: 'silent' });

/** A logger that keeps every line it writes, parsed, for assertions on what was logged. */
export const createCapturingLogger = (): {
  logger: AppLogger;
  lines: Record<string, unknown>[];
} => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  return { logger, lines };
};
