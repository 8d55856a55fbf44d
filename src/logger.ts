import type { Logger } from 'pino';

/**
 * The app's structured logger (pino). Every module takes one instead of importing a global, so
 * tests can pass `pino({ level: 'silent' })` or capture lines.
 */
export type AppLogger = Logger;
