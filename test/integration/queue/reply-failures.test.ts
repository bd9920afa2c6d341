import { createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';
import { freePort } from '../../support/ports';

jest.setTimeout(30_000);

describe('a reply that cannot be delivered at all', () => {
  let h: Harness;
  beforeAll(async () => {
    // Nothing listens on this port: every send fails with a network error.
    h = await createHarness({
      label: 'q-reply-fail',
      env: { TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}` },
      workers: true,
      overrides: { replies: { attempts: 3, backoffMs: 100 } },
    });
    await h.startWorkers();
  });
  afterAll(async () => {
    await h.close();
  });

  it('is marked failed after the last attempt, recorded, counted, and the bot token never reaches Redis', async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id));
    const msg = await h.store.messages.addOutgoing(report._id, { text: 'Hello' });
    await h.queues.replies.deliver(msg._id);

    await waitFor(async () => (await h.store.messages.findById(msg._id))?.delivery === 'failed', 'the message marked failed', 15_000);
    await waitFor(async () => (await h.queues.replies.queue.getJobState(msg._id.toString())) === 'failed', 'the job failed');
    const job = await h.queues.replies.queue.getJob(msg._id.toString());
    expect(job?.attemptsMade).toBe(3);
    const secret = h.config.telegram.token.split(':')[1];
    expect(job?.failedReason).toBeTruthy();
    expect(JSON.stringify([job?.failedReason, job?.stacktrace])).not.toContain(secret);
    const events = (await h.store.reports.history(report._id)).filter((e) => e.type === 'delivery_failed');
    expect(events.map((e) => e.data?.reason)).toEqual(['gave_up']);
    expect(await h.metrics.registry.getSingleMetricAsString('ripoti_deliveries_total')).toMatch(/outcome="failed"\} 1/);
  });
});
