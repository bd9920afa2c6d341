import type { Update } from 'telegraf/types';
import type { Logger } from '../logger';

/**
 * The short wait for the rest of a split paste (see `PART_MIN_CHARS`). The part itself is already
 * in the session; this only makes sure the story is taken when no further part comes: after
 * `ms` the part's update is handled once more, marked as a flush, through the whole middleware
 * chain (so it waits its turn behind any update of the same reporter). A restart loses only the
 * timer: the next message of the reporter takes the waiting parts first.
 */
export class PartsWindow {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly flushes = new WeakSet<object>();

  constructor(
    private readonly ms: number,
    private readonly dispatch: (update: Update) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  /** True for the update that this window handed back after the wait. */
  isFlush(update: object): boolean {
    return this.flushes.has(update);
  }

  /** (Re)starts the wait for this reporter; the newest part's update comes back when it ends. */
  hold(key: number, update: Update): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      const flush = structuredClone(update);
      this.flushes.add(flush);
      this.dispatch(flush).catch((err: unknown) => this.logger.warn({ err, outcome: 'parts_flush_failed' }, 'could not take a split story after the wait'));
    }, this.ms);
    timer.unref();
    this.timers.set(key, timer);
  }

  cancel(key: number): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  close(): void {
    for (const key of [...this.timers.keys()]) this.cancel(key);
  }
}
