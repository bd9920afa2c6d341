import { UnrecoverableError, Worker } from 'bullmq';
import { Types } from 'mongoose';
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

  /** An agent's reply, its delivery job run by `processor` until the job is in `state`; still pending in MongoDB. */
  async function replyWithJob(text: string, processor: () => Promise<unknown>, state: 'failed' | 'completed'): Promise<string> {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    const a = agent();
    expect((await h.tickets.takeNext(a)).ok).toBe(true);
    const id = sentMessage(await h.tickets.reply(report._id.toString(), a, text))._id.toString();
    const conn = createRedis(h.config.redis, 'worker');
    const worker = new Worker(REPLIES_QUEUE, processor, { connection: conn, prefix: h.prefix });
    await waitFor(async () => (await h.queues.replies.queue.getJobState(id)) === state, `the delivery job to be ${state}`);
    await worker.close();
    await closeRedis(conn);
    expect((await h.store.messages.findById(id))?.delivery).toBe('pending');
    return id;
  }

  /** A reply whose every delivery attempt failed before anything was sent (as when MongoDB cannot be read). */
  const replyWithFailedJob = () =>
    replyWithJob('Tuko kwenye kesi yako.', async () => {
      throw new UnrecoverableError('MongoDB unavailable');
    }, 'failed');
  const relay = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });

  /**
   * A reply whose job completed without sending it, then made pending again: the job ran while the
   * message was failed (the reporter had blocked the bot: the 403's move to failed lost in a Redis
   * blip, the stalled job run again finding it failed), then the reporter unblocked the bot.
   */
  const replyWithCompletedJob = () => replyWithJob('Uko salama sasa?', async () => 'unreachable', 'completed');

  it('gets a new delivery job when it is pending again after its job completed without sending it', async () => {
    const id = await replyWithCompletedJob();
    await relay().runOnce();
    expect(['waiting', 'prioritized', 'delayed']).toContain(await h.queues.replies.queue.getJobState(id));
  });

  /**
   * The relay read the message pending just before its job marked it sent and completed (the two
   * reads, MongoDB's and Redis's, are not one moment): the job that sent it is left alone. A new job
   * would find it sent and send nothing, but it would take one of the replies' rate slots from a
   * message that waits (the parked-replies test saw 16 slots for 15 messages under load).
   */
  it('leaves a job that completed by sending the message, read pending a moment before', async () => {
    const id = await replyWithJob('Tumepokea ujumbe wako.', async () => 'sent', 'completed');
    const finished = (await h.queues.replies.queue.getJob(id))?.finishedOn;
    await relay().runOnce();
    expect(await h.queues.replies.queue.getJobState(id)).toBe('completed');
    expect((await h.queues.replies.queue.getJob(id))?.finishedOn).toBe(finished);
  });

  it('gets a new delivery job with all its attempts', async () => {
    const id = await replyWithFailedJob();
    await relay().runOnce();
    expect(['waiting', 'prioritized', 'delayed']).toContain(await h.queues.replies.queue.getJobState(id));
    expect((await h.queues.replies.queue.getJob(id))?.attemptsMade).toBe(0);
  });

  it('is marked failed, for the agent to see, once it has failed on our side for a day', async () => {
    const id = await replyWithFailedJob();
    await h.store.models.Message.collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    await relay().runOnce();
    const msg = await h.store.messages.findById(id);
    expect(msg?.delivery).toBe('failed');
    expect(await h.queues.replies.queue.getJobState(id)).toBe('failed'); // no new job
    const failed = (await h.store.reports.history(msg!.reportId)).filter((e) => e.type === 'delivery_failed');
    expect(failed.map((e) => e.data)).toEqual([{ messageId: id, reason: 'gave_up' }]);
  });
});
