/**
 * A reporter whose report waits in the queue writes that someone is in danger now: the ticket is
 * put first (ConversationService). The supervisors' group is told once, with the reference, kind,
 * category and county only; an alert the raise could not queue is queued by the outbox relay; and
 * a job the raise could not re-prioritise (a Redis blip) is put first by the relay's next look.
 */
import { Types } from 'mongoose';
import { countyName } from '../../../src/domain';
import { ConversationService } from '../../../src/services/conversation-service';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { DeliveryService } from '../../../src/services/delivery-service';
import { reporterMessageId } from '../../../src/services/reply-id';
import type { DangerAlertPort, TicketQueuePort } from '../../../src/services/ports';
import type { CategoryCode } from '../../../src/domain';
import { RedisProcess } from '../../support/redis-process';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { agent, createHarness, reporter, reportInput, waitFor, withSupervisorsGroup, type Harness } from '../../support/tickets-harness';

jest.setTimeout(30_000);

const DANGER = 'Wamerudi, wako nje ya nyumba yangu sasa hivi';

let nextUser = 7_400_001;

describe('the supervisors\' group hears of a waiting ticket whose reporter writes of danger now', () => {
  let tg: TelegramDouble;
  let group: TelegramUser;
  let h: Harness;
  beforeAll(async () => {
    // The harness's own relay looks only once, at start: the tests run the relay's looks themselves.
    // The group's pace (3 s between messages in production) is 100 ms: no test here is about it,
    // and waits on it were most of each test's time (a test's two messages: 3 s).
    ({ tg, group, h } = await withSupervisorsGroup('q-danger-alert', { replies: { groupIntervalMs: 100, supervisorsEveryMs: 300, backoffMs: 50 }, relay: { reconcileEveryMs: 3_600_000 } }));
  });
  afterAll(async () => {
    await h.close();
    await tg.stop();
  });

  const conversation = (supervisors: DangerAlertPort = h.queues.replies) => new ConversationService({ store: h.store, events: h.bus, logger: h.logger, tickets: h.queues.tickets, sla: h.sla, supervisors });
  const relay = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, supervisors: h.queues.replies, graceMs: 0, reconcileEveryMs: 1 });

  async function waiting(category: CategoryCode = 'p_arrest', dangerNow = false) {
    const telegramUserId = nextUser++;
    const r = await reporter(h.store, { telegramUserId });
    const { report } = await h.reports.submit(reportInput(r._id, { category, dangerNow }));
    return { telegramUserId, report };
  }
  const told = (reference: string) => group.messages().filter((m) => m.text?.includes(reference));
  /** Supervisors' jobs ever queued for the report (completed ones are kept a day). */
  const alertJobs = async (reportId: string) =>
    (await h.queues.replies.queue.getJobs(['waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'])).filter((j) => j.data.kind === 'supervisors' && j.data.reportId === reportId);
  /** Another ticket raised by danger and told: the group's courier has carried what was pending before it. */
  async function raisedAndTold(): Promise<void> {
    const { telegramUserId, report } = await waiting('e_violence');
    expect(await conversation().take(telegramUserId, { text: DANGER })).toMatchObject({ danger: { raised: true } });
    await waitFor(() => told(report.reference).length > 0, 'the other ticket told');
  }

  it('tells the reference, kind, category and county once, never the reporter or their words', async () => {
    const { telegramUserId, report } = await waiting('p_arrest');
    expect(await conversation().take(telegramUserId, { text: DANGER })).toMatchObject({ ok: true, waiting: true, danger: { raised: true } });
    const [message] = await waitFor(() => (told(report.reference).length ? told(report.reference) : null), 'the alert in the group');
    expect(message.text).toBe(
      `${report.reference}: the reporter wrote that someone is in danger now (Police misconduct: Unlawful arrest or detention, ${countyName(47, 'en')}). Moved to Urgent; nobody has taken it yet.`,
    );
    expect(message.text).not.toMatch(/Wanjiru|Wamerudi|nyumba/);
    // Danger written again: already first, nothing raised, nothing told again.
    expect(await conversation().take(telegramUserId, { text: 'Bado wako hapa, tusaidieni sasa hivi' })).toMatchObject({ danger: { raised: false } });
    await raisedAndTold();
    expect(told(report.reference)).toHaveLength(1);
    expect(await alertJobs(report._id.toString())).toHaveLength(1);
  });

  it('a danger message whose first delivery died between its store and its raise puts the ticket first when Telegram delivers it again; told once', async () => {
    const { telegramUserId, report } = await waiting('p_threats');
    const reportId = report._id.toString();
    const sent = { text: DANGER, telegram: { messageId: 501, date: 1_764_100_000 } };
    // What a process that died straight after the message's write leaves: the message, nothing raised.
    const id = reporterMessageId(report.reporterId.toString(), sent.telegram);
    expect((await h.store.messages.addIncomingOnce(id, reportId, { text: DANGER, telegramMessageId: 501 })).created).toBe(true);
    expect((await h.store.reports.findById(reportId))?.priority).toBe(3);
    // Telegram delivers the update again: the message is the one stored, and its danger is acted on now.
    expect(await conversation().take(telegramUserId, sent)).toMatchObject({ ok: true, waiting: true, danger: { raised: true, category: 'p_threats' } });
    expect((await h.store.reports.findById(reportId))?.priority).toBe(1);
    // And once more (another redelivery): already first, nothing raised or told again.
    expect(await conversation().take(telegramUserId, sent)).toMatchObject({ ok: true, danger: { raised: false, category: 'p_threats' } });
    await raisedAndTold();
    expect(told(report.reference)).toHaveLength(1);
    expect(await alertJobs(reportId)).toHaveLength(1);
    expect((await h.store.reports.history(reportId)).filter((e) => e.type === 'danger_said').map((e) => e.data)).toEqual([{ from: 3, to: 1, messageId: id.toString() }]);
    expect((await h.store.messages.listForReport(reportId)).map((m) => m.text)).toEqual([DANGER]);
  });

  it('says nothing for a report urgent from the start or a ticket an agent holds (the agent sees the message)', async () => {
    const urgent = await waiting('p_force', true);
    expect(await conversation().take(urgent.telegramUserId, { text: DANGER })).toMatchObject({ danger: { raised: false } });
    const held = await waiting('p_bribery');
    const a = agent();
    expect(await h.store.reports.transition(held.report._id, 'assigned', { kind: 'agent', agentId: a.id }, { assignee: a.id })).not.toBeNull();
    expect(await conversation().take(held.telegramUserId, { text: DANGER })).toMatchObject({ danger: { raised: false } });
    await raisedAndTold();
    for (const { report } of [urgent, held]) {
      expect(told(report.reference)).toHaveLength(0);
      expect(await alertJobs(report._id.toString())).toHaveLength(0);
    }
  });

  it('in one message with escalations, a ticket in danger comes first and is said once, as in danger', async () => {
    const [a, b, c] = [await waiting('p_sexual'), await waiting('p_force'), await waiting('p_bribery')];
    for (const t of [a, b, c]) expect(await h.store.reports.escalate(t.report._id, 2, { escalations: 0 })).not.toBeNull();
    expect(await h.store.reports.raiseToUrgent(a.report._id, new Types.ObjectId().toString())).not.toBeNull();
    const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: h.bus, logger: h.logger });
    const [idA, idB, idC] = [a, b, c].map((t) => t.report._id.toString());
    const alerts = [{ reportId: idA, danger: true as const }, { reportId: idA, escalations: 1 }, { reportId: idB, escalations: 1 }, { reportId: idC, escalations: 1 }];
    const message = await delivery.supervisorsMessage(alerts);
    const lines = (message.text ?? '').split('\n');
    expect(lines[0]).toBe(`${a.report.reference}: the reporter wrote that someone is in danger now (Police misconduct: Sexual harassment or abuse, ${countyName(47, 'en')}). Moved to Urgent; nobody has taken it yet.`);
    expect(lines[1]).toBe('2 tickets were not taken in time and now wait at a higher priority:');
    expect(lines.slice(2).sort()).toEqual([b, c].map((t) => `• ${t.report.reference}: High (escalation 1)`).sort());
    expect(message.included).toEqual(alerts);
  });

  it('with more in danger than one message names, the escalations are counted, not listed empty', async () => {
    const inDanger = await Promise.all(Array.from({ length: 16 }, () => waiting('p_force')));
    for (const t of inDanger) expect(await h.store.reports.raiseToUrgent(t.report._id, new Types.ObjectId().toString())).not.toBeNull();
    const late = [await waiting('p_bribery'), await waiting('p_bribery')];
    for (const t of late) expect(await h.store.reports.escalate(t.report._id, 2, { escalations: 0 })).not.toBeNull();
    const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: h.bus, logger: h.logger });
    const alerts = [...inDanger.map((t) => ({ reportId: t.report._id.toString(), danger: true as const })), ...late.map((t) => ({ reportId: t.report._id.toString(), escalations: 1 }))];
    const lines = ((await delivery.supervisorsMessage(alerts)).text ?? '').split('\n');
    expect(lines[0]).toBe('16 tickets moved to Urgent: their reporters wrote that someone is in danger now, and nobody has taken them yet:');
    expect(lines.slice(1, -1)).toHaveLength(15);
    expect(lines.at(-1)).toBe('…and 3 more. See the queue in the console.');
  });

  it('an alert the raise could not queue (Redis refused it, or the process died after the raise) reaches the group through the relay', async () => {
    const refused = await waiting('p_threats');
    const blip: DangerAlertPort = { notifyDangerSaid: () => Promise.reject(new Error('Redis blip')) };
    expect(await conversation(blip).take(refused.telegramUserId, { text: DANGER })).toMatchObject({ danger: { raised: true } });
    // What a process that died straight after the raise's write leaves.
    const died = await waiting('e_hate');
    expect(await h.store.reports.raiseToUrgent(died.report._id, new Types.ObjectId().toString(), { alertOwed: true })).not.toBeNull();

    expect((await relay().runOnce({ reconcile: true })).alerted).toBe(2);
    await waitFor(() => told(refused.report.reference).length > 0 && told(died.report.reference).length > 0, 'both alerts in the group');
    expect(told(died.report.reference)[0].text).toContain('Election-related incident: Hate speech or incitement');
    // Told now: owed no more (marked once the group's message carried them), so the next look queues nothing.
    for (const { report } of [refused, died]) await waitFor(async () => !(await h.store.reports.findById(report._id))?.dangerAlertOwed, 'the alert no longer owed');
    expect((await relay().runOnce({ reconcile: true })).alerted).toBe(0);
  });
});

describe('outbox relay: a ticket raised by danger whose job kept its old priority', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ label: 'q-danger-relay' });
  });
  afterAll(async () => {
    await h.close();
  });

  const relay = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0, reconcileEveryMs: 1 });
  /** The tickets queue with its priority changes failing, as in a Redis blip during the raise. */
  const blipping = (): TicketQueuePort => {
    const port = h.queues.tickets;
    return {
      enqueue: (id, priority, clock, opts) => port.enqueue(id, priority, clock, opts),
      jobState: (id) => port.jobState(id),
      remove: (id) => port.remove(id),
      waitingCount: () => port.waitingCount(),
      reprioritise: () => Promise.reject(new Error('Connection is closed.')),
      jobPriorities: (ids) => port.jobPriorities(ids),
    };
  };
  async function raised(category: CategoryCode, tickets: TicketQueuePort): Promise<string> {
    const telegramUserId = nextUser++;
    const r = await reporter(h.store, { telegramUserId });
    const { report } = await h.reports.submit(reportInput(r._id, { category }));
    const conversation = new ConversationService({ store: h.store, events: h.bus, logger: h.logger, tickets, sla: h.sla });
    expect(await conversation.take(telegramUserId, { text: DANGER })).toMatchObject({ danger: { raised: true } });
    return report._id.toString();
  }
  const takeNext = async () => {
    const t = await h.tickets.takeNext(agent());
    return t.ok ? t.report._id.toString() : t.reason;
  };

  it('is taken first after the relay\'s next look; one raised before it keeps its place', async () => {
    const older = (await h.reports.submit(reportInput((await reporter(h.store))._id, { category: 'p_force' }))).report._id.toString(); // priority 2
    const first = await raised('p_release', h.queues.tickets); // raised, its job at 1
    const blipped = await raised('p_bribery', blipping()); // raised in MongoDB, its job left at 3
    expect((await h.store.reports.findById(blipped))?.priority).toBe(1);
    expect((await h.queues.tickets.queue.getJob(blipped))?.priority).toBe(3);

    const pass = await relay().runOnce({ reconcile: true });
    expect(pass.reprioritised).toBe(1);
    expect((await h.queues.tickets.queue.getJob(blipped))?.priority).toBe(1);
    expect((await relay().runOnce({ reconcile: true })).reprioritised).toBe(0);
    // The agents' order: the two in danger, the one raised first still first, then the older one.
    expect([await takeNext(), await takeNext(), await takeNext()]).toEqual([first, blipped, older]);
  });

  it('one the raise put right between the relay\'s read and its change is not counted, nor logged as raised by the relay', async () => {
    const id = await raised('p_bribery', h.queues.tickets); // raised, its job at 1 already
    // The relay read the job's priority a moment before the raise changed it (MongoDB's raise, then Redis's).
    const port = h.queues.tickets;
    const readBeforeTheRaise: TicketQueuePort = {
      enqueue: (i, priority, clock, opts) => port.enqueue(i, priority, clock, opts),
      jobState: (i) => port.jobState(i),
      remove: (i) => port.remove(i),
      waitingCount: () => port.waitingCount(),
      reprioritise: (i, priority) => port.reprioritise(i, priority),
      jobPriorities: async (ids) => (await port.jobPriorities(ids)).map((p, k) => (ids[k] === id ? 3 : p)),
    };
    const warn = jest.spyOn(h.logger, 'warn');
    try {
      const pass = await new OutboxRelay({ store: h.store, reports: h.reports, tickets: readBeforeTheRaise, replies: h.queues.replies, logger: h.logger, graceMs: 0, reconcileEveryMs: 1 }).runOnce({ reconcile: true });
      expect(pass.reprioritised).toBe(0);
      expect(warn.mock.calls.filter((c) => c.includes('waiting ticket\'s job held a lower priority than its report: raised'))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
    expect((await h.queues.tickets.queue.getJob(id))?.priority).toBe(1);
    expect(await takeNext()).toBe(id);
  });
});

describe('outbox relay: an owed alert whose job still waits for the group', () => {
  let h: Harness;
  beforeAll(async () => {
    // No workers: the alert's job waits, and the alert stays owed, as while the group's turn has not come.
    h = await createHarness({ label: 'q-danger-owed' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('an owed supervisors\' alert whose job already waits is not queued again: a pass that finds only it reports no work', async () => {
    const { report } = await h.reports.submit(reportInput((await reporter(h.store))._id, { category: 'p_threats' }));
    const raisedAt = await h.store.reports.raiseToUrgent(report._id, new Types.ObjectId().toString(), { alertOwed: true });
    expect(raisedAt).not.toBeNull();
    const withGroup = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, supervisors: h.queues.replies, graceMs: 0, reconcileEveryMs: 1 });
    expect(await withGroup().runOnce({ reconcile: true })).toMatchObject({ alerted: 1 });
    expect(await h.queues.replies.queue.getJobState(`sup-${report._id.toString()}-danger`)).toBe('waiting');
    // Still owed (nobody has sent the group's message yet), its job still waiting: nothing to do, nothing said.
    const info = jest.spyOn(h.logger, 'info');
    try {
      expect(await withGroup().runOnce({ reconcile: true })).toEqual({ tickets: 0, messages: 0, notices: 0, restored: 0, clocks: 0, reprioritised: 0, alerted: 0, relinked: 0 });
      expect(info.mock.calls.filter((c) => c.includes('outbox relay did work'))).toEqual([]);
    } finally {
      info.mockRestore();
    }
    expect((await h.store.reports.findById(report._id))?.dangerAlertOwed).toBe(true);
  });
});

describe('a danger alert queued, then Redis lost before the group was told', () => {
  let redis: RedisProcess;
  let tg: TelegramDouble;
  let group: TelegramUser;
  let h: Harness;
  beforeAll(async () => {
    redis = await RedisProcess.start('none');
    tg = await TelegramDouble.start();
    group = tg.user({ firstName: 'Supervisors' });
    // The workers (replies, relay) start only after the loss: the alert's job waits in Redis meanwhile.
    h = await createHarness({
      label: 'q-danger-lost',
      redisUrl: redis.url,
      env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, TELEGRAM_SUPERVISORS_CHAT_ID: String(group.id) },
      workers: true,
      overrides: { replies: { supervisorsEveryMs: 300, backoffMs: 50 }, relay: { graceMs: 0, intervalMs: 200, reconcileEveryMs: 200 } },
    });
  });
  afterAll(async () => {
    await h?.close();
    await tg?.stop();
    await redis?.destroy();
  });

  it('the group is still told, once: the alert stays owed until a message carried it, and the relay queues it again', async () => {
    const telegramUserId = nextUser++;
    const r = await reporter(h.store, { telegramUserId });
    const { report } = await h.reports.submit(reportInput(r._id, { category: 'p_arrest' }));
    const conversation = new ConversationService({ store: h.store, events: h.bus, logger: h.logger, tickets: h.queues.tickets, sla: h.sla, supervisors: h.queues.replies });
    expect(await conversation.take(telegramUserId, { text: DANGER })).toMatchObject({ danger: { raised: true } });
    const alertJob = `sup-${report._id.toString()}-danger`;
    expect(await h.queues.replies.queue.getJobState(alertJob)).toBe('waiting');
    // Redis crashes (nothing persisted) and comes back empty: the alert's job is gone.
    await redis.stop();
    await redis.start();
    await waitFor(async () => (await h.queues.replies.queue.getJobState(alertJob).catch(() => 'down')) === 'unknown', 'Redis back, empty');
    await h.startWorkers();
    const told = () => group.messages().filter((m) => m.text?.includes(report.reference));
    const [message] = await waitFor(() => (told().length ? told() : null), 'the alert in the group');
    expect(message.text).toContain('the reporter wrote that someone is in danger now');
    await waitFor(async () => !(await h.store.reports.findById(report._id))?.dangerAlertOwed, 'the alert no longer owed');
    // The relay's later looks queue nothing more: told once.
    const relay = new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, supervisors: h.queues.replies, graceMs: 0 });
    expect((await relay.runOnce({ reconcile: true })).alerted).toBe(0);
    expect(told()).toHaveLength(1);
  });
});
