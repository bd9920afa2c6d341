import { randomBytes } from 'node:crypto';

/**
 * Random IVs cut from a block drawn from the system's generator 4 KiB at a time, where a draw per
 * seal cost more than the AES itself (BENCHMARKS.md, issue 17). Each slice is handed out once and
 * a used block is never refilled (a new one replaces it), so an IV is as random as a draw of its own.
 */
export class RandomPool {
  private block = Buffer.alloc(0);
  private pos = 0;

  constructor(private readonly blockBytes = 4096) {}

  take(n: number): Buffer {
    if (n > this.blockBytes) return randomBytes(n);
    if (this.pos + n > this.block.length) {
      this.block = randomBytes(this.blockBytes);
      this.pos = 0;
    }
    const out = this.block.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/**
 * The results of a pure function of a string, kept for the most recent `max` inputs (the oldest
 * goes first): the keyed hashes each update asks for the same reporter again and again. The inputs
 * stay in memory: use it for ids the process handles anyway, never for what a person typed.
 */
export class Memo {
  private readonly map = new Map<string, string>();

  constructor(private readonly max = 10_000) {}

  get(input: string, compute: (input: string) => string): string {
    const hit = this.map.get(input);
    if (hit !== undefined) return hit;
    const value = compute(input);
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(input, value);
    return value;
  }
}
