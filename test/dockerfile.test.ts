import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { productionNodeFlags } from '../bench/production-flags.js';
import { freePort } from './helpers/free-port.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** Dockerfile instructions, continuation lines joined, comments dropped. */
const instructions = (text: string) =>
  text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });

const dockerfile = instructions(read('Dockerfile'));
const stageStarts = dockerfile.flatMap((step, index) => (step.keyword === 'FROM' ? [index] : []));
const stages = stageStarts.map((start, i) => dockerfile.slice(start, stageStarts[i + 1]));
const final = stages.at(-1) ?? [];
const last = (keyword: string) => final.filter((step) => step.keyword === keyword).at(-1);

/** The JSON array of an exec-form instruction, or undefined for the shell form. */
const execForm = (args: string | undefined): string[] | undefined => {
  try {
    const parsed: unknown = JSON.parse(args ?? '');
    return Array.isArray(parsed) ? parsed.map(String) : undefined;
  } catch {
    return undefined;
  }
};

const healthcheckCommand = () => execForm(last('HEALTHCHECK')?.args.replace(/^.*?\bCMD\s+/, ''));

const runHealthcheck = async (port: number) => {
  const [command, ...args] = healthcheckCommand() ?? [];
  const child = spawn(command ?? 'false', args, {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  const [code] = (await once(child, 'exit')) as [number];
  return code;
};

describe('Dockerfile', () => {
  it('is multi-stage, on Node 20', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]?.args).toMatch(/^node:20\b/);
  });

  it('runs the final stage as the unprivileged node user', () => {
    expect(last('USER')?.args).toBe('node');
  });

  it('starts with CMD in exec form, so node gets SIGTERM directly', () => {
    expect(execForm(last('CMD')?.args)).toEqual(['node', 'dist/index.js']);
  });

  it('caps the heap V8 keeps with the same Node flags as `npm start` and the bench', () => {
    const flags = productionNodeFlags(fileURLToPath(new URL('..', import.meta.url)));
    expect(flags).toEqual(
      expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/)]),
    );
    const start = JSON.parse(read('package.json')).scripts.start as string;
    expect(start).toContain(`node ${flags.join(' ')} dist/index.js`);
  });

  it('ships no dev dependencies or sources in the final stage', () => {
    const finalText = final.map((step) => `${step.keyword} ${step.args}`).join('\n');
    expect(finalText).not.toMatch(/npm (ci|install)(?![^\n]*--omit=dev)/);
    expect(finalText).not.toMatch(/COPY[^\n]*\bsrc\b/);
    const build = stages.slice(0, -1).flat();
    const prunes = build.some((step) => /npm (prune|ci) [^\n]*--omit=dev/.test(step.args));
    expect(prunes).toBe(true);
    expect(finalText).toMatch(/COPY --from=\w+[^\n]*node_modules/);
  });

  it('has a HEALTHCHECK in exec form on /healthz', () => {
    expect(last('HEALTHCHECK')?.args).toMatch(/--interval=\d+s/);
    expect(healthcheckCommand()?.join(' ')).toContain('/healthz');
  });

  it('has a HEALTHCHECK command that passes on a healthy server and fails on a dead one', async () => {
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/healthz' ? 200 : 404);
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      expect(await runHealthcheck((server.address() as AddressInfo).port)).toBe(0);
    } finally {
      server.close();
    }
    expect(await runHealthcheck(await freePort())).toBe(1);
  });
});

describe('.dockerignore', () => {
  it('keeps secrets, local state and dev-only files out of the build context', () => {
    const ignored = read('.dockerignore').split(/\r?\n/);
    for (const entry of ['node_modules', '.env', '.git', 'data', 'test']) {
      expect(ignored).toContain(entry);
    }
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'));

  it('runs several app replicas from this Dockerfile, sharing one Redis', () => {
    const app = compose.services.app;
    expect(app.build).toBe('.');
    expect(app.deploy.replicas).toBeGreaterThanOrEqual(2);
    expect(app.environment.REDIS_URL).toBe('redis://redis:6379');
    expect(app.depends_on.redis.condition).toBe('service_healthy');
  });

  it('gives Redis a health check and a volume, so state survives a restart', () => {
    const redis = compose.services.redis;
    expect(redis.image).toMatch(/^redis:/);
    expect(redis.healthcheck.test).toContain('ping');
    expect(redis.volumes[0]).toMatch(/^[\w-]+:\/data$/);
  });
});
