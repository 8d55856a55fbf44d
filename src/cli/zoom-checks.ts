import type { Clock } from '../clock.js';
import { type Config, ZOOM_CLOUDS } from '../config.js';
import { AppError, type ErrorCode } from '../errors.js';
import { zoomTokenResponseSchema } from '../zoom/schemas.js';
import { createTokenProvider } from '../zoom/token-provider.js';
import type { CheckResult } from './report.js';
import { missingScopes, REQUIRED_ZOOM_SCOPES, type ScopeRequirement } from './required-scopes.js';

/** What {@link checkZoom} needs. */
export interface ZoomCheckDeps {
  readonly zoom: Config['zoom'];
  readonly clock: Clock;
  readonly fetch: typeof globalThis.fetch;
}

const CREDENTIALS_FIX =
  "copy Account ID, Client ID and Client Secret from the Server-to-Server OAuth app's App Credentials into ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, and activate the app; for a Zoom for Government account set ZOOM_CLOUD=gov";

const tokenFix = (code: ErrorCode, tokenUrl: string): string => {
  switch (code) {
    case 'ZOOM_AUTH':
      return CREDENTIALS_FIX;
    case 'ZOOM_RATE_LIMITED':
      return 'Zoom is rate-limiting its token endpoint: wait a minute and run the doctor again';
    case 'ZOOM_BAD_RESPONSE':
      return 'ZOOM_OAUTH_TOKEN_URL must be Zoom’s token endpoint (unset it to use the one of ZOOM_CLOUD)';
    default:
      return `allow outbound HTTPS to ${new URL(tokenUrl).host} (proxy, firewall), or correct ZOOM_OAUTH_TOKEN_URL`;
  }
};

const scopeCheck = (requirement: ScopeRequirement, granted: readonly string[]): CheckResult => {
  const name = requirement.check;
  const missing = missingScopes(requirement, granted);
  if (missing.length === 0) {
    return { name, status: 'pass', summary: `granted, to ${requirement.purpose}` };
  }
  const options = requirement.alternatives.map((scopes) => scopes.join(' + ')).join(', or ');
  return {
    name,
    status: requirement.severity,
    summary: `missing ${missing.join(', ')}: the app cannot ${requirement.purpose} (granted: ${granted.join(' ') || 'none'})`,
    fix: `Zoom App Marketplace → Manage → your Server-to-Server OAuth app → Scopes: add ${options}; then activate the app again`,
  };
};

const hostOf = (url: string): string => new URL(url).host;

/**
 * Compares the account's API host (the token's `api_url`) with where the app calls Zoom. An
 * explicit `ZOOM_API_BASE_URL` (a proxy, as the README documents) may differ on purpose: that is a
 * warning naming both URLs. What fails is the cloud itself: the host `ZOOM_CLOUD` stands for is
 * not the account's (a Zoom for Government account under `ZOOM_CLOUD=commercial`, or the reverse).
 */
const cloudCheck = (apiUrl: string | undefined, zoom: Config['zoom']): CheckResult => {
  const name = 'zoom api host';
  if (apiUrl === undefined) {
    return {
      name,
      status: 'skip',
      summary: 'the token response did not say which API host to use',
    };
  }
  const accountHost = hostOf(apiUrl);
  if (hostOf(zoom.apiBaseUrl) === accountHost) {
    return {
      name,
      status: 'pass',
      summary: `the account's API host is ${accountHost}, as configured`,
    };
  }
  const cloudUrl = ZOOM_CLOUDS[zoom.cloud].apiBaseUrl;
  if (zoom.apiBaseUrlExplicit && hostOf(cloudUrl) === accountHost) {
    return {
      name,
      status: 'warn',
      summary: `ZOOM_API_BASE_URL sends Zoom calls to ${zoom.apiBaseUrl}, while Zoom says this account's API is at ${apiUrl}; fine for a proxy that forwards to it`,
      fix: `if there is no proxy, unset ZOOM_API_BASE_URL to call ${cloudUrl}`,
    };
  }
  return {
    name,
    status: 'fail',
    summary: `Zoom says this account's API is at ${apiUrl}, but ZOOM_CLOUD=${zoom.cloud} stands for ${cloudUrl}${zoom.apiBaseUrlExplicit ? ` (the app calls ${zoom.apiBaseUrl})` : ''}`,
    fix: accountHost.includes('zoomgov')
      ? 'set ZOOM_CLOUD=gov (Zoom for Government)'
      : accountHost.endsWith('zoom.us')
        ? 'set ZOOM_CLOUD=commercial'
        : `set ZOOM_CLOUD to this account's cloud, and ZOOM_API_BASE_URL to ${apiUrl}/v2 or a proxy forwarding to it`,
  };
};

/**
 * Obtains a Server-to-Server OAuth token exactly as the app does, then compares the token's
 * scopes with {@link REQUIRED_ZOOM_SCOPES} and its `api_url` with the API host the app would call
 * (a Zoom for Government account answers with `api.zoomgov.com`).
 * https://developers.zoom.us/docs/internal-apps/s2s-oauth/
 */
export const checkZoom = async (deps: ZoomCheckDeps): Promise<CheckResult[]> => {
  const { zoom } = deps;
  let apiUrl: string | undefined;
  const watching: typeof globalThis.fetch = async (input, init) => {
    const response = await deps.fetch(input, init);
    const body = await response
      .clone()
      .json()
      .catch(() => undefined);
    apiUrl = zoomTokenResponseSchema.safeParse(body).data?.api_url;
    return response;
  };
  const provider = createTokenProvider({
    tokenUrl: zoom.oauthTokenUrl,
    accountId: zoom.accountId,
    clientId: zoom.clientId,
    clientSecret: zoom.clientSecret,
    clock: deps.clock,
    fetch: watching,
  });
  try {
    await provider.getToken();
  } catch (caught) {
    const code = caught instanceof AppError ? caught.code : 'ZOOM_UNAVAILABLE';
    return [
      {
        name: 'zoom token',
        status: 'fail',
        summary: caught instanceof Error ? caught.message : 'the token request failed',
        fix: tokenFix(code, zoom.oauthTokenUrl),
      },
      { name: 'zoom scopes', status: 'skip', summary: 'needs a token' },
    ];
  }
  const granted = provider.scopes() ?? [];
  return [
    {
      name: 'zoom token',
      status: 'pass',
      summary: `${new URL(zoom.oauthTokenUrl).host} issued a token (Zoom cloud: ${zoom.cloud})`,
    },
    ...REQUIRED_ZOOM_SCOPES.map((requirement) => scopeCheck(requirement, granted)),
    cloudCheck(apiUrl, zoom),
  ];
};
