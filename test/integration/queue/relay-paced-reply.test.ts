import { OutboxRelay } from '../../../src/services/outbox-relay';
import { agent, createHarness, reporter, reportInput, sentMessage, type Harness } from '../../support/tickets-harness';

/**
 * A reply still pending in MongoDB whose job is in Redis (waiting its turn, or delayed: paced for
 * its chat, parked behind an earlier message) is owed-looking to the outbox relay but is no work:
 * a pass that finds only such replies reports none and logs no "did work", so an operator reading
 * the logs in a surge can tell a real Redis loss (which is counted) from normal pacing.
 */
describe('outbox relay: a pending reply whose job is still in Redis', () => {
  let h: Harness;
  beforeAll(async () => {
    // No workers: the reply's job stays where the test puts it.
    h = await createHarness({ label: 'q-relay-paced', workers: false });
  });
  afterAll(async () => {
    await h.close();
  });

  const relay = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });
  const noWork = { tickets: 0, messages: 0, notices: 0, restored: 0, clocks: 0, reprioritised: 0, alerted: 0, relinked: 0 };

  async function pendingReply(text: string): Promise<string> {
    const { report } = await h.reports.submit(reportInput((await reporter(h.store))._id));
    const a = agent();
    expect((await h.tickets.takeNext(a)).ok).toBe(true);
    return sentMessage(await h.tickets.reply(report._id.toString(), a, text))._id.toString();
  }

  /** One pass, with what it logged as "did work". */
  async function pass(): Promise<{ done: Awaited<ReturnType<OutboxRelay['runOnce']>>; saidDidWork: boolean }> {
    const info = jest.spyOn(h.logger, 'info');
    try {
      const done = await relay().runOnce({ reconcile: true });
      return { done, saidDidWork: info.mock.calls.some((c) => c.includes('outbox relay did work')) };
    } finally {
      info.mockRestore();
    }
  }

  it('a reply waiting its turn and one delayed by pacing: no work reported, nothing logged, their jobs left as they were', async () => {
    const waiting = await pendingReply('Tuko kwenye kesi yako.');
    const paced = await pendingReply('Uko salama sasa?');
    // As the replies worker leaves a message paced for its chat: its job delayed until its slot.
    await (await h.queues.replies.queue.getJob(paced))?.remove();
    await h.queues.replies.queue.add('message', { kind: 'message', messageId: paced }, { jobId: paced, delay: 60_000 });
    expect(await h.queues.replies.queue.getJobState(waiting)).toBe('waiting');
    expect(await h.queues.replies.queue.getJobState(paced)).toBe('delayed');

    expect(await pass()).toEqual({ done: noWork, saidDidWork: false });
    expect(await h.queues.replies.queue.getJobState(waiting)).toBe('waiting');
    expect(await h.queues.replies.queue.getJobState(paced)).toBe('delayed');
    expect((await h.store.messages.findById(paced))?.delivery).toBe('pending');
  });

  it('a reply whose job Redis lost is queued again and counted, once', async () => {
    const lost = await pendingReply('Tumepokea ujumbe wako.');
    await (await h.queues.replies.queue.getJob(lost))?.remove();
    expect(await h.queues.replies.queue.getJobState(lost)).toBe('unknown');

    expect(await pass()).toEqual({ done: { ...noWork, messages: 1 }, saidDidWork: true });
    expect(await h.queues.replies.queue.getJobState(lost)).toBe('waiting');
    // Its job is back: the next pass has nothing to do.
    expect(await pass()).toEqual({ done: noWork, saidDidWork: false });
  });
});
