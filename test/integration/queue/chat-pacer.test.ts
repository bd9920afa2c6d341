import { ChatPacer, EveryoneHeld } from '../../../src/queue/chat-pacer';
import { connectTestRedis } from '../../support/redis';
import { waitFor } from '../../support/tickets-harness';
import { redisKeys } from '../../../src/redis-keys';

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
      let leaseEnd = 0;
      const first = pacer.send('reporter-1', 1, async () => {
        log.push({ what: 'first start', at: Date.now() });
        // What the gate holds the chat until, were the first send's answer never to come.
        leaseEnd = Number(await redis.get(redisKeys(prefix).chatSent('reporter-1')));
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
      // Once the first send ended, not when the 5 s lease it held would have run out.
      expect(leaseEnd).toBeGreaterThan(log[0].at + 4000);
      expect(log[2].at).toBeLessThan(leaseEnd);
    } finally {
      await cleanup();
    }
  });
});

describe('ChatPacer.send: a send slower than its lease', () => {
  it('keeps its chat for as long as the send lasts: the next message to it goes only after Telegram answered', async () => {
    const { redis, prefix, cleanup } = await connectTestRedis('pacer-long');
    try {
      const pacer = new ChatPacer(redis, prefix, { intervalMs: 100, leaseMs: 300 });
      const log: string[] = [];
      let answer!: () => void;
      const answered = new Promise<void>((resolve) => (answer = resolve));
      const first = pacer.send('reporter-1', 1, async () => {
        log.push('first start');
        await answered; // Telegram answers after several leases
        log.push('first end');
      });
      await waitFor(() => log.length > 0, 'the first send to start', 2000, 5);
      const second = pacer.send('reporter-1', 1, async () => void log.push('second start'));
      // Four leases: long enough for a lease that is not renewed to run out and let the second through.
      setTimeout(answer, 1200);
      await Promise.all([first, second]);
      expect(log).toEqual(['first start', 'first end', 'second start']);
    } finally {
      await cleanup();
    }
  });
});

/**
 * A 429 (src/queue/lua/flood-wait.lua): the first chat refused waits alone; a refusal to another
 * chat during that wait is the bot's limit. The waiting chat's next send and booked slot both
 * lie past retry_after.
 */
describe('ChatPacer.floodWait', () => {
  it('holds only the chat refused first, for retry_after, and says when a second chat makes it the bot\'s limit', async () => {
    const { redis, prefix, cleanup } = await connectTestRedis('pacer-flood');
    try {
      const pacer = new ChatPacer(redis, prefix, { intervalMs: 200 });
      const before = Date.now();
      const first = await pacer.floodWait('reporter-1', 600);
      expect(first.scope).toBe('chat');
      expect(first.until).toBeGreaterThanOrEqual(before + 600 - 5);
      // Its own second refusal is still its own; another chat's is the bot's.
      expect((await pacer.floodWait('reporter-1', 600)).scope).toBe('chat');
      expect((await pacer.floodWait('reporter-2', 600)).scope).toBe('all');
      // Nothing to the waiting chat before its wait ends: no slot booked; and while the bot's limit
      // holds every chat, the gate lets no send through (its caller parks the job until then).
      expect(await pacer.reserve('reporter-1')).toBeGreaterThan(400);
      expect(await pacer.reserve('reporter-3')).toBe(0);
      let sent = false;
      const held = await pacer.send('reporter-1', 1, async () => void (sent = true)).catch((err: unknown) => err);
      expect(sent).toBe(false);
      expect(held).toBeInstanceOf(EveryoneHeld);
      expect((held as EveryoneHeld).until).toBeGreaterThanOrEqual(first.until - 5);
      // Once it has passed, a refusal to another chat is that chat's own again.
      await waitFor(async () => (await redis.exists(redisKeys(prefix).floodChat)) === 0, 'the wait to pass', 2000);
      expect((await pacer.floodWait('reporter-2', 100)).scope).toBe('chat');
    } finally {
      await cleanup();
    }
  });

  it('sends nothing to any chat while the bot\'s limit holds everyone, even for a message already past its booked slot', async () => {
    const { redis, prefix, cleanup } = await connectTestRedis('pacer-flood-all');
    try {
      const pacer = new ChatPacer(redis, prefix, { intervalMs: 200 });
      // A job for a third chat booked its slot before the second refusal made the limit the bot's.
      expect(await pacer.reserve('reporter-3')).toBe(0);
      await pacer.floodWait('reporter-1', 600);
      const before = Date.now();
      expect((await pacer.floodWait('reporter-2', 600)).scope).toBe('all');
      let sent = false;
      const refused = await pacer.send('reporter-3', 1, async () => void (sent = true)).catch((err: unknown) => err);
      expect(sent).toBe(false);
      expect(refused).toBeInstanceOf(EveryoneHeld);
      expect((refused as EveryoneHeld).until).toBeGreaterThanOrEqual(before + 600 - 5);
      // Once the hold has passed, it goes.
      await waitFor(async () => (await redis.exists(redisKeys(prefix).budgetPause)) === 0 || Date.now() >= (refused as EveryoneHeld).until, 'the hold to pass', 2000);
      await pacer.send('reporter-3', 1, async () => void (sent = true));
      expect(sent).toBe(true);
    } finally {
      await cleanup();
    }
  });

  it('says the hold ends no sooner than it does: a job parked until then is not refused once more on waking', async () => {
    const { redis, prefix, cleanup } = await connectTestRedis('pacer-flood-end');
    try {
      const pacer = new ChatPacer(redis, prefix, { intervalMs: 200 });
      // Holds ending at every part of a millisecond: the gate measures in microseconds.
      for (let i = 0; i < 20; i++) {
        const [s, us] = (await redis.time()).map(Number);
        const heldUs = s * 1_000_000 + us + 600_000 + ((i * 53) % 1000);
        await redis.set(redisKeys(prefix).budgetPause, String(heldUs), 'PX', 2000);
        const refused = await pacer.send('reporter-3', 1, async () => undefined).catch((err: unknown) => err);
        expect(refused).toBeInstanceOf(EveryoneHeld);
        expect((refused as EveryoneHeld).until * 1000).toBeGreaterThanOrEqual(heldUs);
      }
    } finally {
      await cleanup();
    }
  });

  it('holds a group refused with 429 alone, whatever chat waits out its own: it neither makes nor meets the bot\'s limit', async () => {
    const { redis, prefix, cleanup } = await connectTestRedis('pacer-flood-group');
    try {
      const pacer = new ChatPacer(redis, prefix, { intervalMs: 200 });
      expect((await pacer.floodWait('reporter-1', 600)).scope).toBe('chat');
      const before = Date.now();
      expect(await pacer.groupFloodWait('supervisors', 600)).toBeGreaterThanOrEqual(before + 600 - 5);
      expect(await pacer.reserve('supervisors')).toBeGreaterThan(400);
      // The reporter's chat is still the one waiting: its own next refusal stays its own.
      expect(await redis.get(redisKeys(prefix).floodChat)).toBe('reporter-1');
      expect((await pacer.floodWait('reporter-1', 600)).scope).toBe('chat');
    } finally {
      await cleanup();
    }
  });
});
