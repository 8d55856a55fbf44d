import { ACCESS_TOKEN_TTL_SECONDS, type AccessTokens } from '../access-tokens.js';
import type { DemoResponse } from '../responses.js';

/** The Server-to-Server OAuth app the demo Zoom accepts. */
export interface DemoCredentials {
  readonly accountId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** What `POST /oauth/token` works with. */
export interface OAuthTokenContext {
  readonly credentials: DemoCredentials;
  readonly tokens: AccessTokens;
  readonly grantedScopes: readonly string[];
  /** Origin of the API, sent back as `api_url`. */
  readonly apiUrl: string;
  readonly authorization: string | undefined;
  /** Query string and form body together (Zoom documents the query; OAuth clients use the body). */
  readonly params: URLSearchParams;
}

const oauthError = (status: number, error: string, reason: string): DemoResponse => ({
  status,
  body: { reason, error },
});

const basicCredentials = (authorization: string | undefined): string | undefined => {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  return match?.[1] === undefined ? undefined : Buffer.from(match[1], 'base64').toString('utf8');
};

/**
 * Zoom's Server-to-Server OAuth token endpoint:
 * `POST /oauth/token?grant_type=account_credentials&account_id=…` with
 * `Authorization: Basic base64(client_id:client_secret)`.
 * https://developers.zoom.us/docs/internal-apps/s2s-oauth/
 */
export const oauthToken = (context: OAuthTokenContext): DemoResponse => {
  const grantType = context.params.get('grant_type');
  if (grantType === null || grantType === '') {
    return oauthError(400, 'invalid_request', 'Missing grant type');
  }
  if (grantType !== 'account_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type');
  }
  const { accountId, clientId, clientSecret } = context.credentials;
  if (basicCredentials(context.authorization) !== `${clientId}:${clientSecret}`) {
    return oauthError(401, 'invalid_client', 'Invalid client_id or client_secret');
  }
  if (context.params.get('account_id') !== accountId) {
    return oauthError(400, 'invalid_request', 'Invalid account_id');
  }
  return {
    status: 200,
    body: {
      access_token: context.tokens.issue(context.grantedScopes),
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      scope: context.grantedScopes.join(' '),
      api_url: context.apiUrl,
    },
  };
};
