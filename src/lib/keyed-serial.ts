/**
 * Runs tasks one at a time per key, in arrival order, and different keys concurrently (the idea of
 * grammY runner's `sequentialize`). Used for one update at a time per reporter in the bot and one
 * take at a time per agent at the ticket desk. A failed task does not block the next one of its
 * key, and a key's entry is dropped as soon as its last task settles, so idle keys cost nothing.
 */
export class KeyedSerial<K> {
  private readonly tails = new Map<K, Promise<unknown>>();

  run<T>(key: K, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    // The tail never rejects: the caller sees the failure through `result`, the chain goes on.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
