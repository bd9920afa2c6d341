import type { Redis } from 'ioredis';
import { closeRedis, createRedis } from '../../../src/redis';
import { ReplyWorker } from '../../../src/queue/reply-worker';
import { DeliveryService, type DueMessage } from '../../../src/services/delivery-service';
import { RedisEventBus } from '../../../src/queue';
import { TelegramDouble } from '../../support/telegram';
import { redisReady } from '../../support/redis';
import { createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';

/**
 * Telegram accepted the message, then recording it failed (MongoDB had no primary for a moment):
 * the job is retried, and the retry must record the message, not send it a second time. The
 * reporter would otherwise get every such message twice, and on the last attempt the agent would
 * read "failed" for a message that arrived.
 */
describe('a reply sent, then not recorded at once', () => {
  let tg: TelegramDouble;
  let h: Harness;
  let worker: ReplyWorker;
  let conn: Redis;
  let pub: Redis;
  let failRecording = 0;

  /** The real delivery service, whose recording fails `failRecording` more times. */
  class FlakyRecording extends DeliveryService {
    override async sent(due: DueMessage, telegramMessageId: number): Promise<void> {
      if (failRecording > 0) {
        failRecording--;
        throw new Error('not primary and secondaryOk=false');
      }
      return super.sent(due, telegramMessageId);
    }
  }

  beforeAll(async () => {
    tg = await TelegramDouble.start();
    h = await createHarness({ label: 'q-recorded-once', env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot }, workers: false, overrides: { replies: { backoffMs: 100 } } });
    conn = createRedis(h.config.redis, 'worker');
    pub = createRedis(h.config.redis, 'producer');
    // The live events' publisher: no offline queue, so nothing before it is ready.
    await redisReady(pub);
    const delivery = new FlakyRecording({ store: h.store, translator: h.translator, events: new RedisEventBus(pub, null, `${h.prefix}:live`), logger: h.logger });
    worker = new ReplyWorker({ connection: conn, prefix: h.prefix, delivery, logger: h.logger, token: tg.token, apiRoot: tg.apiRoot });
    await worker.start();
  });
  afterAll(async () => {
    await worker.stop();
    await Promise.all([closeRedis(conn), closeRedis(pub)]);
    await h.close();
    await tg.stop();
  });

  it('reaches the reporter once and is recorded as sent, under the message id Telegram gave', async () => {
    const user = tg.user({ firstName: 'Achieng' });
    const r = await reporter(h.store, { telegramUserId: user.id });
    const { report } = await h.reports.submit(reportInput(r._id));
    const msg = await h.store.messages.addOutgoing(report._id, { text: 'Did they give you a receipt?' });
    failRecording = 2;
    await h.queues.replies.deliver(msg._id);

    const sent = await waitFor(async () => {
      const m = await h.store.messages.findById(msg._id);
      return m?.delivery === 'sent' ? m : undefined;
    }, 'the message recorded as sent');
    const received = user.messages().filter((m) => (m.text ?? '').includes('Did they give you a receipt?'));
    expect(received).toHaveLength(1);
    expect(sent.telegramMessageId).toBe(received[0].raw.message_id);
    // The job completes after the recording it did (Redis after MongoDB): read once it has.
    await waitFor(async () => (await h.queues.replies.queue.getJobState(msg._id.toString())) === 'completed', 'the job completed');
    expect((await h.queues.replies.queue.getJob(msg._id.toString()))?.attemptsMade).toBe(3); // two that failed to record, one that recorded
  });
});
