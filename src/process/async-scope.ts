import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The values set around the work running now, one property per {@link Slot}. A frame is never
 * changed once made: setting a slot makes a new frame, so work started earlier keeps its own.
 */
type Frame = Readonly<Record<symbol, unknown>>;

/**
 * The app's one AsyncLocalStorage. Node 20 copies the store of every enabled storage onto each
 * promise and async resource as it is created, one property per storage; one storage holding a
 * frame of every slot costs one copy per promise where a storage per value cost four.
 * https://nodejs.org/api/async_context.html
 */
const storage = new AsyncLocalStorage<Frame>();

/** One value carried across every `await` of the work it is set around, like a parameter. */
export interface Slot<T> {
  /**
   * Runs `work` with `value` in this slot for everything it starts; every other slot keeps the
   * value set around this call, and leaving `work` gives back the frame it replaced.
   */
  run<R>(value: T, work: () => R): R;
  /** The value set around the work running now; `undefined` outside every {@link run}. */
  get(): T | undefined;
}

/**
 * A slot of the app's one async scope (its AsyncLocalStorage): the request being handled, its
 * notice listener, its Zoom caller, a Zoom call's deadline. `name` only labels the slot's key
 * when debugging; two slots of the same name are still two slots.
 */
export const defineSlot = <T>(name: string): Slot<T> => {
  const key = Symbol(name);
  return {
    run: (value, work) => storage.run({ ...storage.getStore(), [key]: value }, work),
    // Only `run` above writes `key`, and always a `T`.
    get: () => storage.getStore()?.[key] as T | undefined,
  };
};
