import { describe, expect, it } from 'vitest';
import { createFairQueue } from '../../src/zoom/fair-queue.js';

const drain = <T>(queue: { shift(): T | undefined }): T[] => {
  const out: T[] = [];
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) out.push(item);
  return out;
};

describe('createFairQueue', () => {
  it('serves people in turn, each person first come first served', () => {
    const queue = createFairQueue<string>();
    for (let i = 1; i <= 4; i += 1) queue.push('A', `a${i}`);
    queue.push('B', 'b1');
    queue.push('C', 'c1');
    queue.push('B', 'b2');
    expect(drain(queue)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
    expect(queue.size).toBe(0);
  });

  it("lets a newcomer wait for at most one of another person's backlog", () => {
    const queue = createFairQueue<string>();
    for (let i = 1; i <= 100; i += 1) queue.push('A', `a${i}`);
    expect(queue.shift()).toBe('a1');
    queue.push('B', 'b1');
    expect(queue.ahead('b1')).toBe(1);
    expect(queue.shift()).toBe('a2');
    expect(queue.shift()).toBe('b1');
  });

  it('puts priority items before every lane', () => {
    const queue = createFairQueue<string>();
    queue.push('A', 'a1');
    queue.push('B', 'b1');
    queue.pushFirst('retry');
    expect(queue.ahead('retry')).toBe(0);
    expect(queue.ahead('a1')).toBe(1);
    expect(drain(queue)).toEqual(['retry', 'a1', 'b1']);
  });

  it('counts how many go before an item exactly as shift hands them out', () => {
    const queue = createFairQueue<string>();
    const pushes: Array<[string, string]> = [
      ['A', 'a1'],
      ['A', 'a2'],
      ['A', 'a3'],
      ['B', 'b1'],
      ['C', 'c1'],
      ['C', 'c2'],
      ['B', 'b2'],
      ['A', 'a4'],
    ];
    for (const [lane, item] of pushes) queue.push(lane, item);
    queue.pushFirst('r1');
    const predicted = new Map(queue.items().map((item) => [item, queue.ahead(item)]));
    const served = drain(queue);
    for (const [item, ahead] of predicted) expect(served.indexOf(item)).toBe(ahead);
  });

  it('removes an item from anywhere and forgets an emptied lane', () => {
    const queue = createFairQueue<string>();
    queue.push('A', 'a1');
    queue.push('B', 'b1');
    queue.push('A', 'a2');
    queue.pushFirst('r1');
    expect(queue.remove('b1')).toBe(true);
    expect(queue.remove('r1')).toBe(true);
    expect(queue.remove('b1')).toBe(false);
    expect(queue.has('b1')).toBe(false);
    expect(queue.ahead('b1')).toBe(-1);
    expect(queue.size).toBe(2);
    expect(drain(queue)).toEqual(['a1', 'a2']);
  });
});
