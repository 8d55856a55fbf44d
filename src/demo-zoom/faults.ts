import type { RouteKind } from './router.js';

/**
 * What the next matching request gets instead of its answer:
 * - `{ status, body?, headers? }`: exactly this response (`body` as JSON unless a string);
 * - `{ kind: 'reset' }`: the socket is destroyed, the client sees a network error;
 * - `{ kind: 'hang' }`: no answer at all until the demo Zoom closes;
 * - `{ kind: 'delay', ms }`: the real answer, `ms` of real time late.
 */
export type DemoFault =
  | {
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'reset' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'delay'; readonly ms: number };

/** Which requests a fault waits for. */
export interface FaultScope {
  /** Only requests of this kind (any request when absent). */
  readonly kind?: RouteKind;
  /** How many requests in a row get the fault (1 by default). */
  readonly times?: number;
}

/** Faults waiting for requests, first in first out. */
export interface FaultQueue {
  add(fault: DemoFault, scope?: FaultScope): void;
  /** The first waiting fault that applies to a request of `kind`, used up once. */
  take(kind: RouteKind): DemoFault | undefined;
}

interface Pending {
  readonly fault: DemoFault;
  readonly kind: RouteKind | undefined;
  remaining: number;
}

/** An empty {@link FaultQueue}. */
export const createFaultQueue = (): FaultQueue => {
  const pending: Pending[] = [];
  return {
    add: (fault, scope) => {
      pending.push({ fault, kind: scope?.kind, remaining: scope?.times ?? 1 });
    },
    take: (kind) => {
      const index = pending.findIndex((entry) => entry.kind === undefined || entry.kind === kind);
      const entry = pending[index];
      if (entry === undefined) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) pending.splice(index, 1);
      return entry.fault;
    },
  };
};
