import { systemClock } from '../clock.js';
import { ConfigError } from '../config.js';
import { createLogger } from '../logger.js';
import { loadPlaygroundSettings, PlaygroundSettingsError } from './settings.js';
import { startPlayground } from './start-playground.js';

/** How long Ctrl-C waits for the app to stop before exiting anyway. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

const banner = (url: string, zoom: string, exposed: boolean) =>
  [
    '',
    '  SMS Conversations for Slack — playground (demo data)',
    '',
    `  Open ${url} in your browser.`,
    zoom === 'demo'
      ? '  Slack and Zoom are simulated on this machine: no account, no network.'
      : '  Slack is simulated on this machine; Zoom is your real Zoom account.',
    ...(exposed
      ? [
          '  Warning: listening beyond this machine (PLAYGROUND_HOST). The URL above carries this',
          "  run's access key: whoever has it can act as any persona, the admin included.",
        ]
      : []),
    '  Ctrl-C stops it.',
    '',
    '',
  ].join('\n');

const main = async () => {
  let settings: ReturnType<typeof loadPlaygroundSettings>;
  try {
    settings = loadPlaygroundSettings(process.env);
  } catch (error) {
    if (!(error instanceof PlaygroundSettingsError)) throw error;
    process.stderr.write(`${error.message}\n\nSee README.md, "Playground".\n`);
    process.exit(1);
  }
  const logger = createLogger(settings.logLevel);
  let playground: Awaited<ReturnType<typeof startPlayground>>;
  try {
    playground = await startPlayground({ settings, clock: systemClock, logger });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n\nSee README.md, "Playground".\n`);
    process.exit(1);
  }
  const pageHost = ['127.0.0.1', '::1'].includes(playground.address.address)
    ? 'localhost'
    : settings.host;
  const key = playground.accessKey === undefined ? '' : `?key=${playground.accessKey}`;
  const url = `http://${pageHost}:${playground.address.port}/${key}`;
  process.stdout.write(banner(url, playground.zoom, pageHost !== 'localhost'));
  const shutdown = () => {
    const timer = setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    playground.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

await main();
