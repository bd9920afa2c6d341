import { DeliveryService } from '../../../src/services/delivery-service';
import type { EventBus } from '../../../src/services/events';
import type { SupervisorAlertPort, TicketQueuePort } from '../../../src/services/ports';
import { SlaService } from '../../../src/services/sla-service';
import { agent, createHarness, reporter, reportInput, type Harness } from '../../support/tickets-harness';

/**
 * An SLA check that fails half-way (a Redis error while it tells supervisors or raises the job)
 * is retried by BullMQ. The retry must finish the work, not find the ticket "already escalated"
 * and stop: a stopped clock never raises the ticket again, however long it waits.
 */
describe('SLA checks that fail half-way', () => {
  let h: Harness;
  const quietEvents = { publish: async () => undefined } as unknown as EventBus;
  const slaWith = (over: { supervisors?: SupervisorAlertPort; tickets?: Pick<TicketQueuePort, 'reprioritise'> }) =>
    new SlaService({ store: h.store, events: quietEvents, logger: h.logger, tickets: over.tickets ?? h.queues.tickets, scheduler: h.queues.sla, supervisors: over.supervisors ?? null, slaMinutes: h.config.tickets.slaMinutes });
  const waitingTicket = async () => {
    const r = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(r._id, { category: 'p_bribery' })); // priority 3
    return report._id.toString();
  };
  const escalatedEntries = async (id: string) => (await h.store.reports.history(id)).filter((e) => e.type === 'escalated');

  beforeEach(async () => {
    h = await createHarness({ label: 'q-sla-retry', workers: false });
  });
  afterEach(async () => {
    await h.close();
  });

  it('a retry after supervisors could not be told raises nothing twice, tells them, and keeps the clock going', async () => {
    const id = await waitingTicket();
    const told: [string, number][] = [];
    let refuse = true;
    const supervisors: SupervisorAlertPort = {
      notifySupervisors: async (reportId, escalations) => {
        if (refuse) {
          refuse = false;
          throw new Error('Redis blip');
        }
        told.push([reportId, escalations]);
      },
    };
    const sla = slaWith({ supervisors });
    const check = { reportId: id, generation: 0, escalations: 0, priority: 3 as const };

    await expect(sla.check(check)).rejects.toThrow('Redis blip');
    expect(await sla.check(check)).toBe('escalated'); // BullMQ's retry of the same check

    const report = await h.store.reports.findById(id);
    expect(report?.priority).toBe(2);
    expect(report?.escalations).toBe(1);
    expect(await escalatedEntries(id)).toHaveLength(1);
    expect(told).toEqual([[id, 1]]);
    expect((await h.queues.tickets.queue.getJob(id))?.priority).toBe(2);
    // The next check is scheduled: the ticket will be raised again if it still waits.
    expect(await h.queues.sla.queue.getJob(`${id}-0-1`)).toBeDefined();
  });

  it('a stale copy of a check that raised the ticket long ago does nothing', async () => {
    const id = await waitingTicket();
    const told: number[] = [];
    const sla = slaWith({ supervisors: { notifySupervisors: async (_id, escalations) => void told.push(escalations) } });
    const check = { reportId: id, generation: 0, escalations: 0, priority: 3 as const };
    expect(await sla.check(check)).toBe('escalated');
    await h.store.models.Report.updateOne({ _id: id }, { $set: { lastEscalatedAt: new Date(Date.now() - 2 * 3600_000) } });

    expect(await sla.check(check)).toBe('stale'); // re-added from an old copy of the report, two hours on
    expect(told).toEqual([1]);
  });

  it('a job left at the old priority by a failed re-prioritising is put right by the next check', async () => {
    const id = await waitingTicket();
    let refuse = true;
    const tickets: Pick<TicketQueuePort, 'reprioritise'> = {
      reprioritise: async (reportId, priority) => {
        if (refuse) {
          refuse = false;
          throw new Error('Redis blip');
        }
        return h.queues.tickets.reprioritise(reportId, priority);
      },
    };
    const sla = slaWith({ tickets });
    expect(await sla.check({ reportId: id, generation: 0, escalations: 0, priority: 3 })).toBe('escalated');
    expect((await h.queues.tickets.queue.getJob(id))?.priority).toBe(3); // the failed raise

    // Priority 2 is as high as the clock raises; its next check still puts the job at 2.
    expect(await sla.check({ reportId: id, generation: 0, escalations: 1, priority: 2 })).toBe('escalated');
    expect((await h.queues.tickets.queue.getJob(id))?.priority).toBe(2);
    expect(await escalatedEntries(id)).toHaveLength(2);
  });

  it('re-prioritising a ticket at the priority it has keeps its place in the line', async () => {
    const first = await waitingTicket();
    await waitingTicket(); // queued after it, at the same priority
    expect(await h.queues.tickets.reprioritise(first, 3)).toBe('already');
    const t = await h.tickets.takeNext(agent());
    expect(t.ok && t.report._id.toString()).toBe(first);
  });

  it('drops a waiting supervisors\' alert once its ticket is taken', async () => {
    // In a surge alerts queue at the group's pace (20 a minute); one about a taken ticket must not take a turn.
    const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: quietEvents, logger: h.logger });
    const id = await waitingTicket();
    expect(await slaWith({}).check({ reportId: id, generation: 0, escalations: 0, priority: 3 })).toBe('escalated');
    expect((await delivery.supervisorsMessage([{ reportId: id, escalations: 1 }])).text).toContain('escalation 1');

    expect((await h.tickets.takeNext(agent())).ok).toBe(true);
    expect(await delivery.supervisorsMessage([{ reportId: id, escalations: 1 }])).toEqual({ text: null, included: [], gone: [{ reportId: id, escalations: 1 }] });
  });
});
