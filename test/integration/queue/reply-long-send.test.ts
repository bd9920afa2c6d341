import type { Redis } from 'ioredis';
import { closeRedis, createRedis } from '../../../src/redis';
import { ReplyWorker, RedisEventBus } from '../../../src/queue';
import { DeliveryService } from '../../../src/services/delivery-service';
import { TelegramDouble } from '../../support/telegram';
import { redisReady } from '../../support/redis';
import { createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';

jest.setTimeout(60_000);

/** A worker's job lock (and with it, once, the chat's hold and the message's send claim): short, so a slow send outlasts it several times. */
const LOCK_MS = 1000;

/**
 * Telegram takes longer to answer a send than the job's lock lasts (the client waits up to 500 s).
 * BullMQ keeps renewing the lock, so the job still holds the message and its reporter's chat: no
 * other message reaches that chat before the answer, and no second job sends the same message.
 */
describe('a reply whose send outlasts its job\'s lock', () => {
  let tg: TelegramDouble;
  let h: Harness;
  let worker: ReplyWorker;
  const conns: Redis[] = [];
  /** Lets a held answer through (also when the test failed while holding it, so the worker can stop). */
  let letAnswerThrough = () => undefined as void;

  beforeAll(async () => {
    tg = await TelegramDouble.start();
    h = await createHarness({ label: 'q-long-send', env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot } });
    const connection = createRedis(h.config.redis, 'worker');
    const pub = createRedis(h.config.redis, 'producer');
    conns.push(connection, pub);
    // The live events' publisher: no offline queue, so nothing before it is ready.
    await redisReady(pub);
    const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: new RedisEventBus(pub, null, `${h.prefix}:live`), logger: h.logger });
    worker = new ReplyWorker({ connection, prefix: h.prefix, delivery, logger: h.logger, token: tg.token, apiRoot: tg.apiRoot, lockDuration: LOCK_MS, perChatIntervalMs: 200 });
    await worker.start();
  });
  afterAll(async () => {
    letAnswerThrough();
    await worker?.stop();
    await Promise.all(conns.map(closeRedis));
    await h.close();
    await tg.stop();
  });

  it('sends nothing else to the chat, and not the same message again, until Telegram has answered', async () => {
    const user = tg.user({ firstName: 'Wanjiru' });
    const r = await reporter(h.store, { telegramUserId: user.id });
    // Two reports, so the second message does not wait behind the first for order's sake: only the chat is shared.
    const [one, two] = [(await h.reports.submit(reportInput(r._id))).report, (await h.reports.submit(reportInput(r._id))).report];
    const first = await h.store.messages.addOutgoing(one._id, { text: 'Are you somewhere safe?' });
    const hold = tg.holdAnswer('sendMessage', (c) => c.params.chat_id === user.id);
    letAnswerThrough = hold.release;
    await h.queues.replies.deliver(first._id);
    await hold.reached;

    const second = await h.store.messages.addOutgoing(two._id, { text: 'We have informed the OCS.' });
    await h.queues.replies.deliver(second._id);
    // A second job for the message in flight, as the outbox relay adds when Redis lost the first.
    await h.queues.replies.queue.add('message', { kind: 'message', messageId: first._id.toString() }, { jobId: `${first._id.toString()}-again` });
    const toChat = () => tg.calls('sendMessage').filter((c) => c.params.chat_id === user.id).map((c) => String(c.params.text).split('\n\n')[1]);
    // Telegram is slow for three locks' time: an unrenewed hold (and send claim) would have run out twice over.
    await new Promise((resolve) => setTimeout(resolve, 3 * LOCK_MS));
    expect(toChat()).toEqual(['Are you somewhere safe?']);

    hold.release();
    const sent = async (id: typeof first._id) => (await h.store.messages.findById(id))?.delivery === 'sent';
    await waitFor(async () => (await sent(first._id)) && (await sent(second._id)), 'both messages sent', 20_000, 50);
    await waitFor(async () => (await h.queues.replies.queue.getJobState(`${first._id.toString()}-again`)) === 'completed', 'the second job to find the message sent', 20_000, 50);
    expect(toChat()).toEqual(['Are you somewhere safe?', 'We have informed the OCS.']);
  });
});
