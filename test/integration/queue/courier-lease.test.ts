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
import { DeliveryService, type SupervisorAlert } from '../../../src/services/delivery-service';
import type { SendBudget } from '../../../src/lib/send-budget';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { createHarness, reporter, reportInput, waitFor, type Harness } from '../../support/tickets-harness';

jest.setTimeout(30_000);

/** A gate the test opens: `hold()` arms it for the next pass, `waiting` once something stopped at it. */
class Gate {
  private armed = false;
  private opened: (() => void) | null = null;
  hold(): void {
    this.armed = true;
  }
  get waiting(): boolean {
    return this.opened !== null;
  }
  open(): void {
    this.opened?.();
    this.opened = null;
  }
  async pass(): Promise<void> {
    if (!this.armed) return;
    this.armed = false;
    await new Promise<void>((opened) => (this.opened = opened));
  }
}

/** Writes the supervisors' message only once the test's gate lets it (the alerts already read). */
class HeldDelivery extends DeliveryService {
  readonly writing = new Gate();
  /** The report ids of each message written, in order. */
  readonly written: string[][] = [];
  override async supervisorsMessage(alerts: SupervisorAlert[]): ReturnType<DeliveryService['supervisorsMessage']> {
    this.written.push(alerts.map((a) => a.reportId));
    await this.writing.pass();
    return super.supervisorsMessage(alerts);
  }
}

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
  async function startWorker(everyMs: number, Delivery: typeof DeliveryService = DeliveryService): Promise<DeliveryService> {
    budget = new HeldBudget();
    const delivery = new Delivery({ store: h.store, translator: h.translator, events: h.bus, logger: h.logger });
    workerConn = createRedis(h.config.redis, 'worker');
    worker = new ReplyWorker({ connection: workerConn, prefix: h.prefix, delivery, logger: h.logger, token: tg.token, apiRoot: tg.apiRoot, supervisorsChatId: group.id, supervisorsEveryMs: everyMs, budget });
    await worker.start();
    return delivery;
  }

  /** A waiting ticket raised once; its alert job (the courier) stops at the budget with its message written. */
  /** A waiting ticket raised once, its alert job not yet queued. */
  async function escalated(): Promise<{ id: string; reference: string; jobId: string }> {
    const { report } = await h.reports.submit(reportInput((await reporter(h.store))._id));
    expect(await h.store.reports.escalate(report._id, 2, { escalations: 0 })).not.toBeNull();
    return { id: report._id.toString(), reference: report.reference, jobId: `sup-${report._id.toString()}-1` };
  }

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

  it('leaves the alerts the other courier did not carry to the courier that one named, not to the sweeper', async () => {
    // No sweeper during the test (and the next courier's delay as long): only a courier named by a hand-over can carry them.
    const delivery = (await startWorker(10 * 60_000, HeldDelivery)) as HeldDelivery;
    const firstRead = new Gate();
    const conn2 = workerConn as unknown as { zrange: (...args: unknown[]) => Promise<string[]> };
    const zrange = conn2.zrange.bind(workerConn);
    conn2.zrange = async (...args: unknown[]) => {
      await firstRead.pass();
      return zrange(...args);
    };
    const keys = redisKeys(h.prefix);

    // A: the courier for x, stopped just before it reads what is pending; its lease runs out there.
    const x = await escalated();
    firstRead.hold();
    budget.holdNext();
    await h.queues.replies.notifySupervisors(x.id, 1);
    await waitFor(() => firstRead.waiting, 'the first courier about to read the pending alerts');
    await leaseRunsOut();

    // B: z's job finds no courier, takes over, reads x and z, and is held while it writes.
    const z = await escalated();
    delivery.writing.hold();
    await h.queues.replies.notifySupervisors(z.id, 1);
    await waitFor(() => delivery.writing.waiting, 'the second courier writing its message', 15_000);

    // y comes while B is the courier: its job only adds it.
    const y = await escalated();
    await h.queues.replies.notifySupervisors(y.id, 1);
    await waitFor(async () => (await h.queues.replies.queue.getJobState(y.jobId)) === 'completed', 'y\'s job done');

    // A reads x, y and z and waits for the budget; B sends x and z and hands over.
    firstRead.open();
    await waitFor(() => budget.waiting, 'the first courier waiting for the budget');
    delivery.writing.open();
    await waitFor(async () => (await h.queues.replies.queue.getJobState(z.jobId)) === 'completed', 'the second courier done', 15_000);
    expect(toldOf(x.reference)).toHaveLength(1);
    expect(toldOf(z.reference)).toHaveLength(1);

    budget.release();
    await waitFor(async () => (await h.queues.replies.queue.getJobState(x.jobId)) === 'completed', 'the first courier done', 15_000);
    // B wrote x and z; A wrote x, y and z, and sent nothing (x and z are no longer pending).
    expect(delivery.written.map((ids) => [...ids].sort())).toEqual([[x.id, z.id].sort(), [x.id, y.id, z.id].sort()]);
    expect((await h.queues.replies.queue.getJob(x.jobId))!.returnvalue).toBe('digested');
    expect(toldOf(y.reference)).toHaveLength(0);
    expect(await conn.zrange(keys.alertsPending, '0', '-1')).toEqual([`${y.id}:1`]);
    // y is not orphaned: the courier key names the next courier, a job waiting its turn.
    const next = await conn.get(keys.alertsCourier);
    expect(next).toMatch(/^sup-next-/);
    expect(await h.queues.replies.queue.getJobState(next!)).toBe('delayed');

    // Its turn (30 s in production, the same as the sweeper's look): y goes, x and z are not said again.
    await (await h.queues.replies.queue.getJob(next!))!.promote();
    await waitFor(() => toldOf(y.reference).length > 0, 'y sent by the next courier', 15_000);
    await waitFor(async () => (await h.queues.replies.queue.getJobState(next!)) === 'completed', 'the next courier done', 15_000);
    expect(toldOf(y.reference)).toHaveLength(1);
    expect(toldOf(x.reference)).toHaveLength(1);
    expect(toldOf(z.reference)).toHaveLength(1);
  });
});
