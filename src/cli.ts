import { runDoctor } from './cli/doctor.js';

const USAGE = `Usage: node dist/cli.js doctor

  doctor   check the configuration, the Zoom and Slack credentials and scopes, and the store
`;

/**
 * The operator's command line (`node dist/cli.js <command>`, `npm run doctor`). Like `index.ts`
 * it is a process entry, so it reads `process.env` and sets the exit code.
 */
const main = async () => {
  const [command] = process.argv.slice(2);
  if (command === 'doctor') {
    process.exitCode = await runDoctor({ env: process.env, out: process.stdout });
    return;
  }
  process.stderr.write(USAGE);
  process.exitCode = command === undefined || command === 'help' ? 0 : 2;
};

await main();
