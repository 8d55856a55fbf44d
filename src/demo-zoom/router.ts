/** What a request is, for counting calls and scoping faults. `other` is anything unrouted. */
export type RouteKind =
  | 'token'
  | 'list'
  | 'details'
  | 'phone-user'
  | 'user'
  | 'send'
  | 'call-queues'
  | 'auto-receptionists'
  | 'other';

/** A routed request and its path parameter. */
export type Route =
  | { readonly kind: 'token' }
  | { readonly kind: 'list'; readonly userId: string }
  | { readonly kind: 'details'; readonly sessionId: string }
  | { readonly kind: 'phone-user'; readonly userId: string }
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'send' }
  | { readonly kind: 'call-queues' }
  | { readonly kind: 'auto-receptionists' };

/** Where a request goes: a route, a route that wants another method (405), or nowhere (404). */
export type RouteMatch =
  | { readonly kind: Route['kind']; readonly route: Route; readonly allow?: undefined }
  | { readonly kind: Route['kind']; readonly route?: undefined; readonly allow: string }
  | { readonly kind: 'other'; readonly route?: undefined; readonly allow?: undefined };

const SEGMENT = '([^/]+)';

const ROUTES: readonly {
  readonly method: string;
  readonly pattern: RegExp;
  readonly build: (param: string) => Route;
}[] = [
  { method: 'POST', pattern: /^\/oauth\/token$/, build: () => ({ kind: 'token' }) },
  {
    method: 'GET',
    pattern: new RegExp(`^/v2/phone/users/${SEGMENT}/sms/sessions$`),
    build: (userId) => ({ kind: 'list', userId }),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v2/phone/sms/sessions/${SEGMENT}$`),
    build: (sessionId) => ({ kind: 'details', sessionId }),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v2/phone/users/${SEGMENT}$`),
    build: (userId) => ({ kind: 'phone-user', userId }),
  },
  { method: 'POST', pattern: /^\/v2\/phone\/sms\/messages$/, build: () => ({ kind: 'send' }) },
  { method: 'GET', pattern: /^\/v2\/phone\/call_queues$/, build: () => ({ kind: 'call-queues' }) },
  {
    method: 'GET',
    pattern: /^\/v2\/phone\/auto_receptionists$/,
    build: () => ({ kind: 'auto-receptionists' }),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v2/users/${SEGMENT}$`),
    build: (userId) => ({ kind: 'user', userId }),
  },
];

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** Finds the operation a method and path name (still percent-encoded) ask for. */
export const matchRoute = (method: string, pathname: string): RouteMatch => {
  for (const candidate of ROUTES) {
    const found = candidate.pattern.exec(pathname);
    if (found === null) continue;
    const param = decode(found[1] ?? '');
    if (param === undefined) return { kind: 'other' };
    const route = candidate.build(param);
    return method === candidate.method
      ? { kind: route.kind, route }
      : { kind: route.kind, allow: candidate.method };
  }
  return { kind: 'other' };
};
