import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger, loggerOptionsFor } from './logger.js';
import { installCrashGuards } from './process/crash-guards.js';
import { createShutdown } from './process/graceful-shutdown.js';

const main = async () => {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n\nSee README.md, "Configuration".\n`);
    process.exit(1);
  }
  const logger = createLogger(loggerOptionsFor(config));
  installCrashGuards(process, logger);
  const app = await createApp(config, { logger, clock: systemClock });
  await app.start();
  const shutdown = createShutdown({
    stop: () => app.stop(),
    drainTimeoutMs: config.shutdownTimeoutMs,
    logger,
    exit: (code) => process.exit(code),
  });
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
};

await main();
