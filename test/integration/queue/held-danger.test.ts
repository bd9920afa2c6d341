/**
 * A reporter writes that someone is in danger now on a ticket an agent holds. The holder sees it
 * on the ticket's page; if they have not opened the ticket by priority 1's SLA time, the
 * supervisors' group is told, naming the holder and the reference only (HeldDangerService, a
 * `held-danger` job on the `sla` queue, the same courier as the other alerts). Real Redis, the
 * MongoDB test server and the Bot API double playing the group.
 */
import { Types } from 'mongoose';
import type { Job } from 'bullmq';
import { heldDangerEpisodeKey, type HeldDangerEpisode } from '../../../src/domain';
import { ConversationService } from '../../../src/services/conversation-service';
import { DeliveryService } from '../../../src/services/delivery-service';
import { HeldDangerService } from '../../../src/services/held-danger-service';
import { reporterMessageId } from '../../../src/services/reply-id';
import { HELD_DANGER_JOB, type SlaJobData } from '../../../src/queue';
import { closeRedis, createRedis } from '../../../src/redis';
import type { AgentRef } from '../../../src/services/ticket-actions';
import { TelegramDouble, type TelegramUser } from '../../support/telegram';
import { createHarness, reporter, reportInput, waitFor, withSupervisorsGroup, type Harness } from '../../support/tickets-harness';

jest.setTimeout(30_000);

const DANGER = 'Wamerudi, wako nje ya nyumba yangu sasa hivi';
/** Priority 1's SLA time in these tests: how long a holder has to open the danger message. */
const URGENT_MS = 700;
/** Other priorities' SLA: no escalation of the tickets used here while a test runs. */
const slaMs = (p: number) => (p === 1 ? URGENT_MS : 3_600_000);

let nextUser = 7_600_001;
let nextAgent = 1;

/** Builds the test's pieces on one harness: a staff account, a held ticket, the reporter's danger. */
function scene(h: Harness, heldDanger: HeldDangerService = h.heldDanger) {
  const conversation = new ConversationService({ store: h.store, events: h.bus, logger: h.logger, tickets: h.queues.tickets, sla: h.sla, supervisors: h.queues.replies, heldDanger });
  async function staff(name: string, role: AgentRef['role'] = 'agent'): Promise<AgentRef> {
    const a = await h.store.agents.create({ username: `held${nextAgent++}`, name, role, password: 'a long enough password' });
    return { id: a._id.toString(), role };
  }
  async function held(holder: AgentRef) {
    const telegramUserId = nextUser++;
    const r = await reporter(h.store, { telegramUserId });
    const { report } = await h.reports.submit(reportInput(r._id, { category: 'p_arrest' }));
    expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: holder.id }, { assignee: holder.id })).not.toBeNull();
    return { telegramUserId, reportId: report._id.toString(), reference: report.reference };
  }
  /** The reporter writes of danger; the message's time is the episode's. */
  async function danger(t: { telegramUserId: number; reportId: string }): Promise<number> {
    expect(await conversation.take(t.telegramUserId, { text: DANGER })).toMatchObject({ ok: true, danger: { raised: false } });
    const [message] = (await h.store.messages.listForReport(t.reportId)).filter((m) => m.text === DANGER);
    return message.createdAt.getTime();
  }
  /** Every held-danger check the `sla` queue holds for the report, in any state. */
  const heldJobs = async (reportId: string): Promise<Job<SlaJobData>[]> =>
    (await h.queues.sla.queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'])).filter((j) => j.name === HELD_DANGER_JOB && j.data.reportId === reportId);
  const jobOf = (e: HeldDangerEpisode) => h.queues.sla.queue.getJob(`held-${heldDangerEpisodeKey(e)}`);
  const completed = async (e: HeldDangerEpisode) => (await (await jobOf(e))?.getState()) === 'completed';
  return { conversation, staff, held, danger, heldJobs, jobOf, completed };
}

describe('danger on a held ticket whose holder does not open it', () => {
  let tg: TelegramDouble;
  let group: TelegramUser;
  let h: Harness;
  let s: ReturnType<typeof scene>;
  beforeAll(async () => {
    // The group's pace (3 s between messages in production) is 100 ms: no test here is about it,
    // and waits on it were most of each test's time (two messages in a test: 6 s).
    ({ tg, group, h } = await withSupervisorsGroup('q-held-danger', { slaMs, replies: { groupIntervalMs: 100, supervisorsEveryMs: 300, backoffMs: 50 }, relay: { reconcileEveryMs: 3_600_000 }, sla: { sweepEveryMs: 100 } }));
    s = scene(h);
  });
  afterAll(async () => {
    await h.close();
    await tg.stop();
  });

  const told = (reference: string) => group.messages().filter((m) => m.text?.includes(reference));
  /** Another held ticket's alert reaches the group: the courier has carried everything pending before it. */
  async function anotherTold(): Promise<void> {
    const t = await s.held(await s.staff('Otieno Ouma'));
    await s.danger(t);
    await waitFor(() => told(t.reference).length > 0, 'the other held ticket told');
  }

  it('tells the group the reference and the holder\'s name, never the reporter or their words', async () => {
    const t = await s.held(await s.staff('Akinyi Wambui'));
    await s.danger(t);
    const [message] = await waitFor(() => (told(t.reference).length ? told(t.reference) : null), 'the alert in the group');
    expect(message.text).toBe(`${t.reference}: the reporter wrote that someone is in danger now. Akinyi Wambui holds this ticket and has not opened it since.`);
    // The harness's reporter is Wanjiru; nothing of them or of what they wrote reaches the group.
    expect(message.text).not.toMatch(/Wanjiru|Wamerudi|nyumba|sasa hivi/);
  });

  it('says nothing when the holder opens the ticket after the message', async () => {
    const holder = await s.staff('Chebet Kiprop');
    const t = await s.held(holder);
    const saidAt = await s.danger(t);
    await h.tickets.recordView(t.reportId, holder);
    const episode = { reportId: t.reportId, holderId: holder.id, saidAt };
    await waitFor(() => s.completed(episode), 'the held-danger check ran');
    expect((await s.jobOf(episode))?.returnvalue).toEqual({ alert: false, reason: 'opened' });
    await anotherTold();
    expect(told(t.reference)).toHaveLength(0);
  });

  it('tells once per episode: danger written twice and the watch repeated after the alert add nothing', async () => {
    const holder = await s.staff('Njeri Kamau');
    const t = await s.held(holder);
    const saidAt = await s.danger(t);
    // A second "help" the holder has not opened yet joins the first one's episode.
    await s.danger(t);
    const episode = { reportId: t.reportId, holderId: holder.id, saidAt };
    await waitFor(() => told(t.reference).length > 0, 'the alert in the group');
    await waitFor(() => s.completed(episode), 'the held-danger check done');
    // Watched again for the same episode (a retried update): its finished job keeps the id.
    expect(await h.heldDanger.watch(t.reportId, new Date(saidAt))).toBe(true);
    expect(await (await s.jobOf(episode))?.getState()).toBe('completed');
    expect(await s.heldJobs(t.reportId)).toHaveLength(1);
    await anotherTold();
    expect(told(t.reference)).toHaveLength(1);
  });

  it('a finished check (which report, which holder, when the reporter wrote) leaves Redis once its episode is past, though no later check finishes', async () => {
    const holder = await s.staff('Wairimu Gitau');
    const t = await s.held(holder);
    const saidAt = await s.danger(t);
    const episode = { reportId: t.reportId, holderId: holder.id, saidAt };
    await waitFor(() => s.completed(episode), 'the held-danger check done');
    expect((await s.jobOf(episode))?.data).toEqual(episode);
    // A day on: the episode is stale (a watch of it schedules nothing), so its id guards nothing now.
    const id = `held-${heldDangerEpisodeKey(episode)}`;
    const redis = createRedis(h.config.redis, 'worker');
    try {
      const { completed } = h.queues.sla.queue.keys;
      expect(await redis.zadd(completed, 'XX', 'CH', Date.now() - 25 * 3600_000, id)).toBe(1);
      await waitFor(async () => !(await s.jobOf(episode)), 'the finished check gone from Redis');
      expect(await redis.exists(`${completed.replace(/completed$/, '')}${id}`)).toBe(0);
    } finally {
      await closeRedis(redis);
    }
  });

  it('a danger message whose first delivery died before its watch is watched when Telegram delivers it again; one check, one alert', async () => {
    const holder = await s.staff('Wairimu Gitau');
    const t = await s.held(holder);
    const sent = { text: DANGER, telegram: { messageId: 601, date: 1_764_100_100 } };
    // What a process that died straight after the message's write leaves: the message, no watch.
    const reporterId = (await h.store.reports.findById(t.reportId))!.reporterId.toString();
    const { message } = await h.store.messages.addIncomingOnce(reporterMessageId(reporterId, sent.telegram), t.reportId, { text: DANGER, telegramMessageId: 601 });
    expect(await s.heldJobs(t.reportId)).toHaveLength(0);
    // Telegram delivers the update again, twice: watched from the message's own time, once.
    for (let i = 0; i < 2; i++) expect(await s.conversation.take(t.telegramUserId, sent)).toMatchObject({ ok: true, danger: { raised: false, category: 'p_arrest' } });
    const episode = { reportId: t.reportId, holderId: holder.id, saidAt: message.createdAt.getTime() };
    await waitFor(() => told(t.reference).length > 0, 'the alert in the group');
    await waitFor(() => s.completed(episode), 'the held-danger check done');
    expect((await s.heldJobs(t.reportId)).map((j) => j.id)).toEqual([`held-${heldDangerEpisodeKey(episode)}`]);
    await anotherTold();
    expect(told(t.reference)).toHaveLength(1);
  });

  it('a hand-over gives the new holder a check of their own, and the group hears their name', async () => {
    const [first, second, sup] = [await s.staff('Wafula Barasa'), await s.staff('Halima Abdi'), await s.staff('Daudi Mwangi', 'supervisor')];
    const t = await s.held(first);
    const saidAt = await s.danger(t);
    await waitFor(() => told(t.reference).length > 0, 'the first holder\'s alert');
    expect(told(t.reference)[0].text).toContain('Wafula Barasa holds this ticket');
    // The supervisors hand it to someone else, who has not opened it either.
    expect(await h.tickets.handOver(t.reportId, sup, second.id)).toEqual({ ok: true, moved: 1 });
    const [, again] = await waitFor(() => (told(t.reference).length > 1 ? told(t.reference) : null), 'the new holder\'s alert');
    expect(again.text).toBe(`${t.reference}: the reporter wrote that someone is in danger now. Halima Abdi holds this ticket and has not opened it since.`);
    expect((await s.heldJobs(t.reportId)).map((j) => j.id).sort()).toEqual([first, second].map((a) => `held-${heldDangerEpisodeKey({ reportId: t.reportId, holderId: a.id, saidAt })}`).sort());
  });

  it('a hand-over before the first check: only the new holder is named', async () => {
    const [first, second, sup] = [await s.staff('Mutua Musyoka'), await s.staff('Auma Odhiambo'), await s.staff('Rehema Said', 'supervisor')];
    const t = await s.held(first);
    const saidAt = await s.danger(t);
    expect(await h.tickets.handOver(t.reportId, sup, second.id)).toEqual({ ok: true, moved: 1 });
    const [message] = await waitFor(() => (told(t.reference).length ? told(t.reference) : null), 'the alert in the group');
    expect(message.text).toContain('Auma Odhiambo holds this ticket');
    await waitFor(() => s.completed({ reportId: t.reportId, holderId: first.id, saidAt }), 'the first holder\'s check ran');
    expect((await s.jobOf({ reportId: t.reportId, holderId: first.id, saidAt }))?.returnvalue).toEqual({ alert: false, reason: 'other_holder' });
    await anotherTold();
    expect(told(t.reference)).toHaveLength(1);
  });

  it('a ticket moved into an incident held by someone else is watched for its new holder too', async () => {
    const [lead, member, sup] = [await s.staff('Kerubo Onsongo'), await s.staff('Jelimo Tanui'), await s.staff('Salim Bakari', 'supervisor')];
    const [a, b] = [await s.held(lead), await s.held(member)];
    const saidAt = await s.danger(b);
    expect(await h.incidents.join(a.reportId, sup, [b.reportId])).toMatchObject({ ok: true, joined: 1 });
    await waitFor(() => told(b.reference).some((m) => m.text?.includes('Kerubo Onsongo holds this ticket')), 'the incident holder named');
    expect((await s.heldJobs(b.reportId)).map((j) => j.id)).toContain(`held-${heldDangerEpisodeKey({ reportId: b.reportId, holderId: lead.id, saidAt })}`);
  });

  it('in one message: waiting tickets in danger first, then held ones, then escalations; one opened meanwhile is left out', async () => {
    const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: h.bus, logger: h.logger });
    const r = await reporter(h.store);
    const waitingId = (await h.reports.submit(reportInput(r._id, { category: 'p_force' }))).report;
    const lateId = (await h.reports.submit(reportInput(r._id, { category: 'p_bribery' }))).report;
    expect(await h.store.reports.raiseToUrgent(waitingId._id, new Types.ObjectId().toString())).not.toBeNull();
    expect(await h.store.reports.escalate(lateId._id, 2, { escalations: 0 })).not.toBeNull();
    const [kip, moraa] = [await s.staff('Kiprono Rotich'), await s.staff('Moraa Nyaboke')];
    const [a, b] = [await s.held(kip), await s.held(moraa)];
    const saidAt = Date.now() - 60_000;
    const heldAlert = (t: { reportId: string }, who: AgentRef) => ({ reportId: t.reportId, held: { holderId: who.id, saidAt } });
    // Moraa opened hers while the alert waited for the group's turn.
    await h.tickets.markSeen(b.reportId, moraa);
    const alerts = [{ reportId: lateId._id.toString(), escalations: 1 }, heldAlert(a, kip), heldAlert(b, moraa), { reportId: waitingId._id.toString(), danger: true as const }];
    const message = await delivery.supervisorsMessage(alerts);
    const lines = (message.text ?? '').split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${waitingId.reference}: the reporter wrote that someone is in danger now \\(`));
    expect(lines[1]).toBe(`${a.reference}: the reporter wrote that someone is in danger now. Kiprono Rotich holds this ticket and has not opened it since.`);
    expect(lines[2]).toMatch(new RegExp(`^Ticket ${lateId.reference} was not taken in time`));
    expect(lines).toHaveLength(3);
    expect(message.gone).toEqual([heldAlert(b, moraa)]);
  });

  it('lists several held tickets as one digest, each with its holder', async () => {
    const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: h.bus, logger: h.logger });
    const [x, y] = [await s.staff('Wanjala Simiyu'), await s.staff('Zawadi Mwende')];
    const [a, b] = [await s.held(x), await s.held(y)];
    const saidAt = Date.now() - 60_000;
    const message = await delivery.supervisorsMessage([{ reportId: a.reportId, held: { holderId: x.id, saidAt } }, { reportId: b.reportId, held: { holderId: y.id, saidAt } }]);
    expect((message.text ?? '').split('\n')).toEqual([
      '2 tickets whose reporters wrote that someone is in danger now, not opened since by the staff member holding each:',
      `• ${a.reference} (held by Wanjala Simiyu)`,
      `• ${b.reference} (held by Zawadi Mwende)`,
    ]);
  });
});

describe('with no supervisors\' group configured', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ label: 'q-held-danger-nogroup', overrides: { slaMs } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('schedules nothing, for a danger message or a hand-over', async () => {
    const s = scene(h);
    const [holder, next, sup] = [await s.staff('Baraka Kiptoo'), await s.staff('Nafula Wekesa'), await s.staff('Imani Chege', 'supervisor')];
    const t = await s.held(holder);
    await s.danger(t);
    expect(await h.tickets.handOver(t.reportId, sup, next.id)).toEqual({ ok: true, moved: 1 });
    expect(await h.heldDanger.watch(t.reportId, new Date())).toBe(false);
    expect(await s.heldJobs(t.reportId)).toHaveLength(0);
  });
});
