/**
 * A courier (src/queue/supervisor-alerts.ts) writes its message before it waits for the shared
 * budget. If its lease runs out during that wait, another courier may take over, send the same
 * alerts and let go: the first one, back, must not send them to the supervisors a second time.
 * If nobody took over, it still carries them. The wait is held by the test (a budget whose answer
 * it gives), and the lease is made to run out: no timing decides the order.
 */
import type { Redis } from 'ioredis';
import { closeRedis, createRedis } from '../../../src/redis';
import { redisKeys } from '../../../src/redis-keys';
import { ReplyWorker } from '../../../src/queue/reply-worker';
import { DeliveryService } from '../../../src/services/delivery-service';
import type { SendBudget } from '../../../src/lib/send-budget';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';

jest.setTimeout(30_000);

/** A budget that grants at once, except the first ask after `holdNext()`: answered when the test says. */
class HeldBudget implements SendBudget {
  private held: { asked: boolean; answer: () => void } | null = null;
  private armed = false;
  holdNext(): void {
    this.armed = true;
  }
  get waiting(): boolean {
    return this.held?.asked ?? false;
  }
  release(): void {
    this.held?.answer();
    this.held = null;
  }
  async take(): Promise<{ waitMs: number; etaMs: number; since: number }> {
    if (this.armed) {
      this.armed = false;
      await new Promise<void>((answer) => (this.held = { asked: true, answer }));
    }
    return { waitMs: 0, etaMs: 0, since: 0 };
  }
  async pause(): Promise<'chat'> {
    return 'chat';
  }
  async leave(): Promise<void> {}
  async tellOnce(): Promise<boolean> {
    return false;
  }
}

describe('a courier whose lease ran out while it waited for the shared budget', () => {
  let tg: TelegramDouble;
  let group: TelegramUser;
  let h: Harness;
  let conn: Redis;
  let budget: HeldBudget;
  let worker: ReplyWorker | null = null;
  let workerConn: Redis | null = null;

  beforeAll(async () => {
    tg = await TelegramDouble.start();
    group = tg.user({ firstName: 'Supervisors' });
    h = await createHarness({ label: 'q-courier-lease', env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, TELEGRAM_SUPERVISORS_CHAT_ID: String(group.id) }, workers: false });
    conn = createRedis(h.config.redis, 'worker');
  });
  afterEach(async () => {
    budget.release();
    await worker?.stop();
    if (workerConn) await closeRedis(workerConn);
    worker = null;
    workerConn = null;
  });
  afterAll(async () => {
    await closeRedis(conn);
    await h.close();
    await tg.stop();
  });

  /** A replies worker through the held budget; its sweeper looks for orphaned alerts every `everyMs`. */
  async function startWorker(everyMs: number): Promise<void> {
    budget = new HeldBudget();
    const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: h.bus, logger: h.logger });
    workerConn = createRedis(h.config.redis, 'worker');
    worker = new ReplyWorker({ connection: workerConn, prefix: h.prefix, delivery, logger: h.logger, token: tg.token, apiRoot: tg.apiRoot, supervisorsChatId: group.id, supervisorsEveryMs: everyMs, budget });
    await worker.start();
  }

  /** A waiting ticket raised once; its alert job (the courier) stops at the budget with its message written. */
  async function courierHeldAtBudget(): Promise<{ reference: string; jobId: string }> {
    const { report } = await h.reports.submit(reportInput((await reporter(h.store))._id));
    expect(await h.store.reports.escalate(report._id, 2, { escalations: 0 })).not.toBeNull();
    budget.holdNext();
    await h.queues.replies.notifySupervisors(report._id.toString(), 1);
    await waitFor(() => budget.waiting, 'the courier waiting for the budget');
    return { reference: report.reference, jobId: `sup-${report._id.toString()}-1` };
  }

  async function leaseRunsOut(): Promise<void> {
    const courier = redisKeys(h.prefix).alertsCourier;
    await conn.pexpire(courier, 1);
    await waitFor(async () => (await conn.exists(courier)) === 0, 'the courier\'s lease run out');
  }

  const toldOf = (reference: string) => group.messages().filter((m) => (m.text ?? '').includes(reference));

  it('does not send again what the courier that took over already sent', async () => {
    await startWorker(200);
    const { reference, jobId } = await courierHeldAtBudget();
    await leaseRunsOut();
    // The sweeper finds the alert with no courier: a new courier sends it and lets go.
    await waitFor(() => toldOf(reference).length > 0, 'the alert sent by the new courier', 15_000);
    await waitFor(async () => (await conn.exists(redisKeys(h.prefix).alertsCourier)) === 0, 'the new courier let go');

    budget.release();
    await waitFor(async () => (await h.queues.replies.queue.getJobState(jobId)) === 'completed', 'the first courier done', 15_000);
    expect(toldOf(reference)).toHaveLength(1);
  });

  it('still sends what it carries when nobody took over meanwhile', async () => {
    // No sweeper during the test: nobody else looks for the alert.
    await startWorker(10 * 60_000);
    const { reference, jobId } = await courierHeldAtBudget();
    await leaseRunsOut();

    budget.release();
    await waitFor(async () => (await h.queues.replies.queue.getJobState(jobId)) === 'completed', 'the courier done', 15_000);
    expect(toldOf(reference)).toHaveLength(1);
    expect(await conn.zcard(redisKeys(h.prefix).alertsPending)).toBe(0);
  });
});
