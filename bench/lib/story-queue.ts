import type { EventDefinition } from '@mrm/contracts';

/** One event of the mix: its contract, payload, aggregate id (`ce-subject`) and time. */
export interface MixEvent {
  readonly definition: EventDefinition<unknown>;
  readonly data: unknown;
  readonly subject: string;
  readonly at: number;
}

/** A generator of one aggregate's events, in time order. */
export type Story = Iterator<MixEvent, void>;

/** Open stories by the time of their next event (a binary min-heap; ties by arrival). */
export class StoryQueue {
  private readonly heap: Array<{ event: MixEvent; story: Story; order: number }> = [];
  private arrivals = 0;

  get size(): number {
    return this.heap.length;
  }

  peekTime(): number {
    return this.heap[0].event.at;
  }

  push(event: MixEvent, story: Story): void {
    this.heap.push({ event, story, order: this.arrivals++ });
    let index = this.heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(index, parent)) break;
      this.swap(index, parent);
      index = parent;
    }
  }

  pop(): { event: MixEvent; story: Story } {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < this.heap.length && this.before(left, smallest)) smallest = left;
        if (right < this.heap.length && this.before(right, smallest)) smallest = right;
        if (smallest === index) break;
        this.swap(index, smallest);
        index = smallest;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.event.at < y.event.at || (x.event.at === y.event.at && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
  }
}
