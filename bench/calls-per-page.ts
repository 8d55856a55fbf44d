import { setTimeout as sleep } from 'node:timers/promises';
import type { DemoZoom } from '../src/demo-zoom/index.js';
import { ACTION_IDS } from '../src/surface/ids.js';
import { buttonClickBody, commandBody, postSigned } from '../test/helpers/slack-requests.js';
import { type CallCounts, callsBetween, readCallCounts } from './call-counts.js';
import type { BenchSlack } from './fake-slack.js';
import { BENCH_SIGNING_SECRET } from './workload.js';

const ANSWER_TIMEOUT_MS = 10_000;
const ANSWER_POLL_INTERVAL_MS = 10;

/** The calls one page view cost, or why it showed no page. */
export interface PageViewCalls {
  readonly view: string;
  /** `undefined` when no page came (the reason is in `failure`). */
  readonly calls: CallCounts | undefined;
  readonly failure?: string;
}

/** Where the probe sends and as whom. */
export interface PageProbeOptions {
  readonly eventsUrl: string;
  readonly slack: BenchSlack;
  readonly zoom: DemoZoom;
  /** A person whose profile the app has already cached (steady state). */
  readonly userId: string;
}

const buttonValue = (body: string, actionId: string): string => {
  const message = JSON.parse(body) as { blocks?: { elements?: unknown[] }[] };
  for (const block of message.blocks ?? []) {
    for (const element of block.elements ?? []) {
      const button = element as { action_id?: unknown; value?: unknown };
      if (button.action_id === actionId && typeof button.value === 'string') return button.value;
    }
  }
  throw new Error(`The page has no ${actionId} button`);
};

interface ProbeView {
  readonly name: string;
  /** The request body, given the page before (empty for the first) and a fresh `response_url`. */
  readonly body: (previousPage: string, responseUrl: string) => string;
}

/**
 * Shows four pages one after another, as a person would, and counts the calls each cost:
 * `/sms-sessions` (page 1), Next (page 2), Previous (page 1 again) and Next (page 2 again). The
 * last two ask Zoom exactly the same questions as the first two, well inside any cache TTL.
 * A view that shows no page is reported with the reason and ends the probe; it never throws,
 * since what the app answers is a result, not a failure of the bench.
 */
export const probeCallsPerPage = async (options: PageProbeOptions): Promise<PageViewCalls[]> => {
  const { slack, zoom, userId } = options;
  const click = (actionId: string) => (previousPage: string, responseUrl: string) =>
    buttonClickBody({
      user_id: userId,
      action_id: actionId,
      value: buttonValue(previousPage, actionId),
      response_url: responseUrl,
    });
  const views: readonly ProbeView[] = [
    {
      name: 'page 1 (`/sms-sessions`)',
      body: (_, responseUrl) =>
        commandBody({ user_id: userId, text: '', response_url: responseUrl }),
    },
    { name: 'page 2 (Next)', body: click(ACTION_IDS.pageNext) },
    { name: 'page 1 again (Previous), within the cache TTL', body: click(ACTION_IDS.pagePrevious) },
    { name: 'page 2 again (Next), within the cache TTL', body: click(ACTION_IDS.pageNext) },
  ];
  const results: PageViewCalls[] = [];
  let page = '';
  for (const [index, view] of views.entries()) {
    const id = `probe-${index}`;
    slack.keepBody(id);
    const before = readCallCounts(zoom, slack);
    try {
      const ack = await postSigned(options.eventsUrl, view.body(page, slack.responseUrl(id)), {
        secret: BENCH_SIGNING_SECRET,
      });
      if (!ack.ok) throw new Error(`the app answered HTTP ${ack.status}`);
      const immediate = await ack.text();
      if (immediate !== '') slack.recordImmediate(id, immediate);
      const deadline = Date.now() + ANSWER_TIMEOUT_MS;
      while (slack.answers.get(id)?.body === undefined) {
        if (Date.now() > deadline) throw new Error(`no page within ${ANSWER_TIMEOUT_MS} ms`);
        await sleep(ANSWER_POLL_INTERVAL_MS);
      }
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      results.push({ view: view.name, calls: undefined, failure });
      break;
    }
    page = slack.answers.get(id)?.body ?? '';
    results.push({ view: view.name, calls: callsBetween(before, readCallCounts(zoom, slack)) });
  }
  return results;
};
