import { count, ms, table } from './format.js';
import type { BenchResults } from './results.js';
import type { StepResult } from './step.js';

const perCommand = (step: StepResult | undefined, commands: number | undefined) =>
  step === undefined || commands === undefined || commands === 0
    ? undefined
    : step.cpuMs / commands;

/** Every step of both saturation searches, rate by rate, as a Markdown section. */
export const renderSaturation = ({ app, bare }: BenchResults): string => {
  const byRate = new Map<number, { app?: StepResult; bare?: StepResult }>();
  for (const step of app.saturation?.steps ?? []) byRate.set(step.ratePerSecond, { app: step });
  for (const step of bare.saturation?.steps ?? []) {
    byRate.set(step.ratePerSecond, { ...byRate.get(step.ratePerSecond), bare: step });
  }
  const rows = [...byRate]
    .sort(([x], [y]) => x - y)
    .map(([rate, steps]) => [
      `${count(rate)}/s`,
      steps.app === undefined
        ? '—'
        : `${count(steps.app.ackedWithinLimit)} / ${count(steps.app.answeredWithinLimit)} / ${count(steps.app.sent)}`,
      ms(steps.app?.ack.p99),
      `${ms(steps.app?.answer.p50)} / ${ms(steps.app?.answer.p99)}`,
      ms(perCommand(steps.app, steps.app?.answered)),
      steps.bare === undefined
        ? '—'
        : `${count(steps.bare.ackedWithinLimit)} / ${count(steps.bare.sent)}`,
      ms(steps.bare?.ack.p99),
      ms(perCommand(steps.bare, steps.bare?.acked)),
    ]);
  return [
    '### Saturation search',
    '',
    table(
      [
        'rate',
        'app: acked ≤ 1 s / answered ≤ Zoom + 1 s / sent',
        'app ack p99',
        'app answer p50 / p99',
        'app CPU per answer',
        'bare: acked ≤ 1 s / sent',
        'bare ack p99',
        'bare CPU per ack',
      ],
      rows,
    ),
  ].join('\n');
};
