import { KeyOrderedLanes } from './key-ordered-lanes';

/** A handler whose calls stay pending until the test settles them. */
function controlledHandler() {
  const pending = new Map<number, (handled: boolean) => void>();
  let inFlight = 0;
  let maxInFlight = 0;
  const handle = (n: number) =>
    new Promise<boolean>((resolve) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      pending.set(n, (handled) => {
        inFlight -= 1;
        pending.delete(n);
        resolve(handled);
      });
    });
  return { pending, handle, maxInFlight: () => maxInFlight };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyOrderedLanes', () => {
  it('runs keys side by side and the items of one key in arrival order', async () => {
    const handler = controlledHandler();
    const order: number[] = [];
    const lanes = new KeyOrderedLanes<number>(
      async (n) => {
        const handled = await handler.handle(n);
        order.push(n);
        return handled;
      },
      () => {
        throw new Error('nothing is deferred when everything is handled');
      },
    );
    const started = async () => {
      await flush();
      return [...handler.pending.keys()].sort();
    };
    lanes.add('a', 1);
    lanes.add('b', 2);
    lanes.add('a', 3);
    expect(await started()).toEqual([1, 2]);
    expect(lanes.size).toBe(3);
    handler.pending.get(2)!(true);
    expect(await started()).toEqual([1]);
    lanes.add('a', 4);
    handler.pending.get(1)!(true);
    expect(await started()).toEqual([3]);
    handler.pending.get(3)!(true);
    expect(await started()).toEqual([4]);
    handler.pending.get(4)!(true);
    await lanes.drained();
    expect(order).toEqual([2, 1, 3, 4]);
    expect(handler.maxInFlight()).toBe(2);
    expect(lanes.size).toBe(0);
  });

  it('defers what waits behind an item sent back for a retry, and only that key', async () => {
    const handled: number[] = [];
    const deferred: number[] = [];
    const lanes = new KeyOrderedLanes<number>(
      (n) => {
        handled.push(n);
        return Promise.resolve(n !== 1);
      },
      (n) => deferred.push(n),
    );
    for (const [key, n] of [
      ['a', 1],
      ['b', 2],
      ['a', 3],
      ['a', 4],
    ] as const) {
      lanes.add(key, n);
    }
    await lanes.drained();
    expect(handled.sort()).toEqual([1, 2]);
    expect(deferred).toEqual([3, 4]);
    // The key starts afresh once its queue is empty.
    lanes.add('a', 5);
    await lanes.drained();
    expect(handled).toContain(5);
  });

  it('waits for room below a limit', async () => {
    const handler = controlledHandler();
    const lanes = new KeyOrderedLanes<number>(handler.handle, () => undefined);
    lanes.add('a', 1);
    lanes.add('b', 2);
    let roomy = false;
    const room = lanes.below(2).then(() => (roomy = true));
    await flush();
    expect(roomy).toBe(false);
    handler.pending.get(1)!(true);
    await room;
    expect(lanes.size).toBe(1);
    handler.pending.get(2)!(true);
    await lanes.drained();
  });
});
