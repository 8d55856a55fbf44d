import type { ZoomApi } from './types.js';

/** The name of one `ZoomApi` operation. */
export type ZoomMethod = keyof ZoomApi;

/** Wraps one call of a `ZoomApi` method: `call` makes it; the result is what the caller gets. */
export type AroundZoomCall = <T>(
  method: ZoomMethod,
  args: readonly unknown[],
  call: () => Promise<T>,
) => Promise<T>;

/**
 * A `ZoomApi` whose every method goes through `around`, so a decorator (cache, time budget)
 * covers operations added to `ZoomApi` later without being edited. `zoom` must carry its
 * methods as own properties, as `createZoomClient` and test doubles written as object literals
 * do.
 */
export const decorateZoomApi = (zoom: ZoomApi, around: AroundZoomCall): ZoomApi => {
  const methods = Object.keys(zoom) as ZoomMethod[];
  return Object.fromEntries(
    methods.map((method) => {
      const original = zoom[method] as (...args: unknown[]) => Promise<unknown>;
      return [
        method,
        (...args: unknown[]) => around(method, args, () => original.apply(zoom, args)),
      ];
    }),
  ) as unknown as ZoomApi;
};
