import { ChatPacer } from '../../../src/queue/chat-pacer';
import { connectTestRedis } from '../../support/redis';

/**
 * The send gate on real Redis: a second message to a chat goes a chat interval after the first
 * one was answered, and not later: a message that meets a send in flight waits for that send,
 * not for the whole lease that guards against a worker dying mid-send.
 */
describe('ChatPacer.send', () => {
  it('sends the next message to a chat an interval after the previous send ended, not after the lease', async () => {
    const { redis, prefix, cleanup } = await connectTestRedis('pacer');
    try {
      const pacer = new ChatPacer(redis, prefix, { intervalMs: 200, leaseMs: 5000 });
      const log: { what: string; at: number }[] = [];
      let releaseFirst!: () => void;
      const firstAnswered = new Promise<void>((resolve) => (releaseFirst = resolve));
      const first = pacer.send('reporter-1', 1, async () => {
        log.push({ what: 'first start', at: Date.now() });
        await firstAnswered; // Telegram is slow to answer the first send
        log.push({ what: 'first end', at: Date.now() });
      });
      // The second message reaches the gate while the first is in flight.
      await new Promise<void>((resolve) => {
        const check = () => (log.length ? resolve() : setImmediate(check));
        check();
      });
      const second = pacer.send('reporter-1', 1, async () => {
        log.push({ what: 'second start', at: Date.now() });
      });
      setTimeout(releaseFirst, 300);
      await Promise.all([first, second]);
      expect(log.map((l) => l.what)).toEqual(['first start', 'first end', 'second start']);
      const gap = log[2].at - log[1].at;
      expect(gap).toBeGreaterThanOrEqual(200);
      // Soon after the first send ended, not when the 5 s lease it held would have run out
      // (about 4.7 s later).
      expect(gap).toBeLessThan(2000);
    } finally {
      await cleanup();
    }
  });
});
