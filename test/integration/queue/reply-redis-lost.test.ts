import type { Redis } from 'ioredis';
import { Telegram } from 'telegraf';
import { closeRedis, createRedis } from '../../../src/redis';
import { ReplyWorker, RedisEventBus, type MessageSender } from '../../../src/queue';
import { DeliveryService } from '../../../src/services/delivery-service';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { RedisProcess } from '../../support/redis-process';
import { redisReady } from '../../support/redis';
import { TelegramDouble } from '../../support/telegram';
import { createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';

jest.setTimeout(60_000);

/**
 * Redis loses the reply's job while its send is in flight (a crash of a Redis whose last second of
 * AOF was not yet on disk, a Sentinel failover to a replica that had not yet received it): MongoDB
 * still says "pending", so the outbox relay queues it again, and a worker takes the new job while
 * the first send is still waiting for Telegram's answer. The reporter must read it once: README
 * promises a repeat only when a worker dies between Telegram accepting a message and its record.
 */
describe('a reply whose job Redis lost while it was being sent', () => {
  let redis: RedisProcess;
  let tg: TelegramDouble;
  let h: Harness;
  const conns: Redis[] = [];
  const workers: ReplyWorker[] = [];
  /** Set while the first send's answer is held back: resolving it lets the answer through. */
  let letAnswerThrough: (() => void) | undefined;
  let holdNext = false;

  /** Real HTTP to the double; the next call's answer (not the call) is held until the test lets it through. */
  function slowToAnswer(real: Telegram): MessageSender {
    return {
      sendMessage: async (...args: Parameters<Telegram['sendMessage']>) => {
        const sent = await real.sendMessage(...args);
        if (holdNext) {
          holdNext = false;
          await new Promise<void>((resolve) => (letAnswerThrough = resolve));
        }
        return sent;
      },
    };
  }

  async function startWorker(telegram: MessageSender): Promise<void> {
    const connection = createRedis(h.config.redis, 'worker');
    const pub = createRedis(h.config.redis, 'producer');
    for (const c of [connection, pub]) c.on('error', () => undefined);
    conns.push(connection, pub);
    // The live events' publisher: no offline queue, so nothing before it is ready.
    await redisReady(pub);
    const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: new RedisEventBus(pub, null, `${h.prefix}:live`), logger: h.logger });
    const worker = new ReplyWorker({ connection, prefix: h.prefix, delivery, logger: h.logger, telegram });
    workers.push(worker);
    await worker.start();
  }

  beforeAll(async () => {
    redis = await RedisProcess.start('none');
    tg = await TelegramDouble.start();
    h = await createHarness({ label: 'q-reply-lost', redisUrl: redis.url, env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot } });
    const real = new Telegram(tg.token, { apiRoot: tg.apiRoot });
    // Two worker processes, as the worker role runs them: one whose send is slow to be answered, one plain.
    await startWorker(slowToAnswer(real));
    await startWorker(real);
  });
  afterAll(async () => {
    letAnswerThrough?.();
    for (const w of workers) await w.stop();
    await Promise.all(conns.map(closeRedis));
    await h.close();
    await tg.stop();
    await redis.destroy();
  });

  it('reaches the reporter once: the relay\'s new job does not send it again while the first send awaits its answer', async () => {
    const user = tg.user({ firstName: 'Nafula' });
    const r = await reporter(h.store, { telegramUserId: user.id });
    const { report } = await h.reports.submit(reportInput(r._id));
    const text = 'Please stay where you are; the IPOA team is on its way.';
    const msg = await h.store.messages.addOutgoing(report._id, { text });
    const id = msg._id.toString();
    const received = () => user.messages().filter((m) => (m.text ?? '').includes(text));

    holdNext = true;
    await h.queues.replies.deliver(id);
    // Telegram has it; the worker is still waiting for the answer.
    await waitFor(() => received().length === 1 && letAnswerThrough !== undefined, 'the first send to reach Telegram');

    // Redis comes back empty: the job, its lock and the chat's pacing are gone.
    await redis.stop('SIGKILL');
    await redis.start();
    const relay = new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });
    await waitFor(async () => (await relay.runOnce({ reconcile: false }).catch(() => ({ messages: 0 }))).messages > 0, 'the relay to queue the pending message again', 15_000);

    // A worker takes the new job: it sends the message again, or waits for the send in flight.
    const job = () => h.queues.replies.queue.getJob(id);
    await waitFor(async () => received().length > 1 || (await job())?.data.kind === 'message' && (await (await job())!.isDelayed()), 'the new job to be handled', 15_000);

    letAnswerThrough!();
    await waitFor(async () => (await h.store.messages.findById(id))?.delivery === 'sent', 'the message recorded as sent');
    // The waiting job's wait ends: it finds the message sent and sends nothing.
    const parked = await job();
    if (parked && (await parked.isDelayed())) await parked.promote();
    await waitFor(async () => (await job())?.isCompleted(), 'the new job to complete', 15_000);

    expect(received()).toHaveLength(1);
    expect((await h.store.messages.findById(id))?.telegramMessageId).toBe(received()[0].raw.message_id);
    expect((await h.store.reports.history(report._id)).filter((e) => e.type === 'reply_delivered')).toHaveLength(1);
  });
});
