import type { DemoZoom } from '../src/demo-zoom/index.js';
import type { BenchSlack } from './fake-slack.js';

/** Calls the fakes have received: what the app spent of Zoom's and Slack's budgets. */
export interface CallCounts {
  readonly zoomToken: number;
  readonly zoomList: number;
  /** `GET /users/{id}` and `GET /phone/users/{id}`: lookups of who a person is in Zoom. */
  readonly zoomLookups: number;
  readonly slackUsersInfo: number;
  /** Every Slack Web API call, `users.info` included (`response_url` posts are not Web API calls). */
  readonly slackWebApi: number;
}

/** The fakes' counters now. */
export const readCallCounts = (zoom: DemoZoom, slack: BenchSlack): CallCounts => {
  const byKind = new Map<string, number>();
  for (const request of zoom.requests)
    byKind.set(request.kind, (byKind.get(request.kind) ?? 0) + 1);
  return {
    zoomToken: byKind.get('token') ?? 0,
    zoomList: byKind.get('list') ?? 0,
    zoomLookups: (byKind.get('user') ?? 0) + (byKind.get('phone-user') ?? 0),
    slackUsersInfo: slack.callCount('users.info'),
    slackWebApi: slack.totalCalls(),
  };
};

/** The calls made between two readings, divided by `per` (1 for plain differences). */
export const callsBetween = (before: CallCounts, after: CallCounts, per = 1): CallCounts => ({
  zoomToken: (after.zoomToken - before.zoomToken) / per,
  zoomList: (after.zoomList - before.zoomList) / per,
  zoomLookups: (after.zoomLookups - before.zoomLookups) / per,
  slackUsersInfo: (after.slackUsersInfo - before.slackUsersInfo) / per,
  slackWebApi: (after.slackWebApi - before.slackWebApi) / per,
});
