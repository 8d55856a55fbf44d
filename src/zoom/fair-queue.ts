/**
 * A line that is fair across people: each lane (a person) is first come first served, and the
 * lanes take turns (round robin), so one person's backlog delays another person's next request
 * by at most one turn, however long that backlog is. Items put {@link FairQueue.pushFirst} go
 * before every lane (a retry of a request that already had its turn).
 */
export interface FairQueue<T> {
  /** Adds `item` at the end of `lane`; a lane seen for the first time takes its turn last. */
  push(lane: string, item: T): void;
  /** Puts `item` before every lane. */
  pushFirst(item: T): void;
  /** Takes the next item: the first of the priority items, else the next lane's first. */
  shift(): T | undefined;
  /** Takes `item` out wherever it is; `false` when it is not in the line. */
  remove(item: T): boolean;
  /** How many items {@link FairQueue.shift} hands out before `item`; -1 when it is not here. */
  ahead(item: T): number;
  has(item: T): boolean;
  /** Every item, in no particular order. */
  items(): T[];
  readonly size: number;
}

/** Builds an empty {@link FairQueue}. Lanes are forgotten as soon as they are empty. */
export const createFairQueue = <T>(): FairQueue<T> => {
  const first: T[] = [];
  /** Lanes in turn order: the next lane to be served is the first key. */
  const lanes = new Map<string, T[]>();
  const laneOf = new Map<T, string>();
  let size = 0;

  const dropFromLane = (lane: string, queue: T[], index: number) => {
    queue.splice(index, 1);
    if (queue.length === 0) lanes.delete(lane);
  };

  return {
    push: (lane, item) => {
      const queue = lanes.get(lane);
      if (queue === undefined) lanes.set(lane, [item]);
      else queue.push(item);
      laneOf.set(item, lane);
      size += 1;
    },
    pushFirst: (item) => {
      first.push(item);
      size += 1;
    },
    shift: () => {
      const priority = first.shift();
      if (priority !== undefined) {
        size -= 1;
        return priority;
      }
      for (const [lane, queue] of lanes) {
        const item = queue.shift();
        lanes.delete(lane);
        if (queue.length > 0) lanes.set(lane, queue);
        if (item === undefined) continue;
        laneOf.delete(item);
        size -= 1;
        return item;
      }
      return undefined;
    },
    remove: (item) => {
      const lane = laneOf.get(item);
      if (lane === undefined) {
        const index = first.indexOf(item);
        if (index === -1) return false;
        first.splice(index, 1);
        size -= 1;
        return true;
      }
      const queue = lanes.get(lane) ?? [];
      const index = queue.indexOf(item);
      laneOf.delete(item);
      if (index === -1) return false;
      dropFromLane(lane, queue, index);
      size -= 1;
      return true;
    },
    ahead: (item) => {
      const lane = laneOf.get(item);
      if (lane === undefined) return first.indexOf(item);
      const position = lanes.get(lane)?.indexOf(item) ?? -1;
      if (position === -1) return -1;
      let count = first.length;
      let before = true;
      for (const [other, queue] of lanes) {
        if (other === lane) {
          before = false;
          continue;
        }
        count += Math.min(queue.length, position + (before ? 1 : 0));
      }
      return count + position;
    },
    has: (item) => laneOf.has(item) || first.includes(item),
    items: () => [...first, ...[...lanes.values()].flat()],
    get size() {
      return size;
    },
  };
};
