import { createHmac } from 'node:crypto';
import type { Clock } from '../clock.js';
import { ZOOM_OAUTH } from '../zoom/platform-facts.js';

/** Lifetime of a Server-to-Server OAuth access token, as Zoom issues them. */
export const ACCESS_TOKEN_TTL_SECONDS = ZOOM_OAUTH.tokenLifetimeSeconds;

/** What a bearer token is worth. */
export type BearerCheck =
  | { readonly ok: true; readonly scopes: readonly string[] }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

/** The access tokens one demo Zoom has issued. */
export interface AccessTokens {
  /** A new token carrying `scopes`, valid for {@link ACCESS_TOKEN_TTL_SECONDS} on the clock. */
  issue(scopes: readonly string[]): string;
  /** Reads an `Authorization` header: `Bearer <token>`. */
  check(authorization: string | undefined): BearerCheck;
  /** Every token issued so far expires now (several tokens may be valid at once, as in Zoom). */
  expireAll(): void;
}

interface Issued {
  readonly scopes: readonly string[];
  expiresAt: number;
}

/** Opaque, deterministic tokens: an HMAC of a counter under `secret`. */
export const createAccessTokens = (options: {
  readonly clock: Clock;
  readonly secret: string;
}): AccessTokens => {
  const issued = new Map<string, Issued>();
  let counter = 0;
  const now = (): number => options.clock.now().getTime();
  return {
    issue: (scopes) => {
      counter += 1;
      const token = createHmac('sha256', options.secret)
        .update(`access:${counter}`)
        .digest('base64url');
      issued.set(token, { scopes, expiresAt: now() + ACCESS_TOKEN_TTL_SECONDS * 1000 });
      return token;
    },
    check: (authorization) => {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      const entry = match?.[1] === undefined ? undefined : issued.get(match[1]);
      if (entry === undefined) return { ok: false, reason: 'invalid' };
      if (now() >= entry.expiresAt) return { ok: false, reason: 'expired' };
      return { ok: true, scopes: entry.scopes };
    },
    expireAll: () => {
      const at = now();
      for (const entry of issued.values()) entry.expiresAt = Math.min(entry.expiresAt, at);
    },
  };
};
