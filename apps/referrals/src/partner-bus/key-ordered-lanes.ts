/**
 * Runs items as they arrive, side by side across keys and one after another within a key (a
 * partner's answers about one referral), in arrival order. When `handle` answers false (the item
 * went back to the server for a retry), the items of its key queued behind it are handed to
 * `deferred` unhandled, so that a later answer does not overtake an earlier one. `handle` and
 * `deferred` must not reject.
 */
export class KeyOrderedLanes<T> {
  private readonly tails = new Map<string, Promise<boolean>>();
  private readonly running = new Set<Promise<boolean>>();

  constructor(
    private readonly handle: (item: T) => Promise<boolean>,
    private readonly deferred: (item: T) => void,
  ) {}

  /** Items handled or waiting behind another of their key. */
  get size(): number {
    return this.running.size;
  }

  add(key: string, item: T): void {
    const previous = this.tails.get(key) ?? Promise.resolve(true);
    const task = previous.then((handled) => {
      if (handled) return this.handle(item);
      this.deferred(item);
      return false;
    });
    this.tails.set(key, task);
    this.running.add(task);
    void task.finally(() => {
      this.running.delete(task);
      if (this.tails.get(key) === task) this.tails.delete(key);
    });
  }

  /** Resolves once fewer than `limit` items are handled or waiting. */
  async below(limit: number): Promise<void> {
    while (this.running.size >= limit) await Promise.race(this.running);
  }

  /** Resolves once every item added so far is settled. */
  async drained(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
