/**
 * The demo Zoom: an in-process fake of Zoom's OAuth and SMS APIs over real HTTP, with a
 * deterministic demo dataset and builders for tests' own datasets.
 */
export { ACCESS_TOKEN_TTL_SECONDS } from './access-tokens.js';
export {
  createDemoZoom,
  type DemoZoom,
  type DemoZoomAddress,
  type DemoZoomOptions,
  type RecordedRequest,
} from './create-demo-zoom.js';
export { buildDataset, type DemoDatasetInput } from './dataset/build-dataset.js';
export {
  type DemoLineInput,
  type DemoMessageInput,
  type DemoSessionInput,
  type DemoUserInput,
  demoLine,
  demoSession,
  demoSessions,
  demoUser,
} from './dataset/builders.js';
export {
  createDemoDataset,
  DEMO_HISTORY_DAYS,
  type DemoDatasetOptions,
} from './dataset/create-demo-dataset.js';
export { DEMO_ADMIN_EMAIL } from './dataset/demo-people.js';
export type { DemoFault, FaultScope } from './faults.js';
export { PAGE_TOKEN_TTL_MS } from './page-tokens.js';
export type { DemoRateLimit } from './rate-limiter.js';
export type { DemoInboundText } from './receive-text.js';
export type { RouteKind } from './router.js';
export type { DemoCredentials } from './routes/oauth-token.js';
export {
  DEMO_UNREACHABLE_NUMBER,
  DEMO_UNREACHABLE_REASON,
  type DemoSentText,
} from './routes/send-sms.js';
export { DEFAULT_GRANTED_SCOPES } from './scopes.js';
export type * from './types.js';
export {
  buildSmsEvent,
  DEMO_ACCOUNT_ID,
  type DemoSmsEventInput,
  type EmitOptions,
  emitSmsEvent,
  signedZoomHeaders,
} from './webhooks.js';
export type * from './wire-types.js';
