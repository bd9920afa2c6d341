import { UnrecoverableError, Worker } from 'bullmq';
import { createRedis, closeRedis } from '../../../src/redis';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { REPLIES_QUEUE } from '../../../src/queue/types';
import { agent, createHarness, reporter, reportInput, sentMessage, waitFor, type Harness } from '../../support/tickets-harness';

/**
 * An agent's reply whose delivery job failed every attempt for a reason of ours (MongoDB away the
 * whole time) is still pending: Telegram never refused it. BullMQ keeps the failed job for a week,
 * and an add under its id does nothing, so the relay must give it a new job, or the reporter never
 * gets the reply and the agent sees it "sending" for a week.
 */
describe('outbox relay: a reply whose delivery failed on our side', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ label: 'q-stuck-reply', workers: false });
  });
  afterEach(async () => {
    await h.close();
  });

  it('gets a new delivery job with all its attempts', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    const a = agent();
    expect((await h.tickets.takeNext(a)).ok).toBe(true);
    const msg = sentMessage(await h.tickets.reply(report._id.toString(), a, 'Tuko kwenye kesi yako.'));
    const id = msg._id.toString();

    // Every attempt fails before anything is sent (as when MongoDB cannot be read).
    const conn = createRedis(h.config.redis, 'worker');
    const failing = new Worker(
      REPLIES_QUEUE,
      async () => {
        throw new UnrecoverableError('MongoDB unavailable');
      },
      { connection: conn, prefix: h.prefix },
    );
    await waitFor(async () => (await h.queues.replies.queue.getJobState(id)) === 'failed', 'the delivery job to fail');
    await failing.close();
    await closeRedis(conn);
    expect((await h.store.messages.findById(id))?.delivery).toBe('pending');

    const relay = new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });
    await relay.runOnce();
    expect(['waiting', 'prioritized', 'delayed']).toContain(await h.queues.replies.queue.getJobState(id));
    expect((await h.queues.replies.queue.getJob(id))?.attemptsMade).toBe(0);
  });
});
