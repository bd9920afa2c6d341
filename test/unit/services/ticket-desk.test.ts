import { Types } from 'mongoose';
import { TicketDesk } from '../../../src/services/ticket-desk';
import type { ClaimedTicket, TicketDispenser } from '../../../src/services/ports';
import type { ReportDoc, Store } from '../../../src/store';
import { createLogger } from '../../../src/logger';

/** The desk's decisions, with the queue and MongoDB replaced by small in-memory stand-ins. */
function setup(opts: { waiting: string[]; statusOf?: (id: string) => string; failTransition?: boolean; maxPerAgent?: number }) {
  const queue = [...opts.waiting];
  const settled: { reportId: string; how: string }[] = [];
  const held = new Map<string, number>();
  const dispenser: TicketDispenser = {
    async claimNext(): Promise<ClaimedTicket | null> {
      const reportId = queue.shift();
      if (!reportId) return null;
      return {
        reportId,
        complete: async (outcome) => void settled.push({ reportId, how: outcome }),
        giveBack: async () => {
          queue.unshift(reportId);
          settled.push({ reportId, how: 'given_back' });
        },
      };
    },
  };
  const reports = {
    countAssignedTo: async (agentId: string) => held.get(agentId) ?? 0,
    transition: async (reportId: string, _to: string, _actor: unknown, o: { assignee: string }) => {
      await new Promise((r) => setImmediate(r));
      if (opts.failTransition) throw new Error('MongoDB went away');
      if ((opts.statusOf?.(reportId) ?? 'received') !== 'received') return null;
      held.set(o.assignee, (held.get(o.assignee) ?? 0) + 1);
      return { _id: new Types.ObjectId(), reference: `R-${reportId}`, priority: 3, createdAt: new Date() } as unknown as ReportDoc;
    },
  };
  const desk = new TicketDesk({
    store: { reports } as unknown as Store,
    dispenser,
    tickets: { remove: async () => undefined },
    reports: { queue: async () => true },
    maxPerAgent: opts.maxPerAgent ?? 5,
    logger: createLogger({ level: 'silent' }),
  });
  return { desk, settled, queue };
}

describe('TicketDesk.takeNext', () => {
  it('drops jobs whose report no longer waits and hands out the next waiting one', async () => {
    const { desk, settled } = setup({ waiting: ['a', 'b', 'c'], statusOf: (id) => (id === 'c' ? 'received' : 'withdrawn') });
    const taken = await desk.takeNext('agent-1');
    expect(taken.ok && taken.report.reference).toBe('R-c');
    expect(settled).toEqual([
      { reportId: 'a', how: 'skipped' },
      { reportId: 'b', how: 'skipped' },
      { reportId: 'c', how: 'assigned' },
    ]);
  });

  it('says the queue is empty when nothing waits', async () => {
    const { desk } = setup({ waiting: [] });
    expect(await desk.takeNext('agent-1')).toEqual({ ok: false, reason: 'empty' });
  });

  it('gives the job back at once when the claim cannot be recorded, and reports the failure', async () => {
    const { desk, settled, queue } = setup({ waiting: ['a'], failTransition: true });
    await expect(desk.takeNext('agent-1')).rejects.toThrow('MongoDB went away');
    expect(settled).toEqual([{ reportId: 'a', how: 'given_back' }]);
    expect(queue).toEqual(['a']);
  });

  it('stops at the per-agent limit without touching the queue', async () => {
    const { desk, queue } = setup({ waiting: ['a', 'b', 'c'], maxPerAgent: 1 });
    expect((await desk.takeNext('agent-1')).ok).toBe(true);
    expect(await desk.takeNext('agent-1')).toEqual({ ok: false, reason: 'limit' });
    expect(queue).toEqual(['b', 'c']);
  });

  it('runs one agent\'s takes one at a time, so a double click cannot pass the limit; other agents are not held up', async () => {
    const { desk } = setup({ waiting: ['a', 'b', 'c', 'd'], maxPerAgent: 1 });
    const [first, second, other] = await Promise.all([desk.takeNext('agent-1'), desk.takeNext('agent-1'), desk.takeNext('agent-2')]);
    expect([first.ok, second.ok, other.ok]).toEqual([true, false, true]);
    expect(second).toEqual({ ok: false, reason: 'limit' });
  });
});
