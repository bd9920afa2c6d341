import { decide, type PolicyActor } from '../domain';
import type { Store } from '../store';

/** Whoever runs `migrate`: the operator, with an admin's reach over tickets. */
const OPERATOR: PolicyActor = { id: 'migrate', role: 'admin' };

/**
 * Tickets still held by accounts deactivated before a deactivation handed them back (releases
 * before 2026-12-02): put back as waiting and unqueued, for the outbox relay to queue (`migrate`
 * has no Redis). The hand-back's own rule: a referral and an incident's reports stay. Returns how
 * many went back (or would, with `dryRun`).
 */
export async function handBackFromDeactivated(store: Store, opts: { dryRun?: boolean } = {}): Promise<number> {
  let released = 0;
  for (const agentId of await store.agents.deactivatedIds()) {
    for (const t of await store.reports.findAssignedTo(agentId)) {
      if (!decide(OPERATOR, 'release', t).ok) continue;
      if (opts.dryRun) {
        released++;
        continue;
      }
      const back = await store.reports.transition(t._id, 'received', { kind: 'system' }, { requireAssignee: agentId, eventData: { reason: 'holder_deactivated' } });
      if (!back) continue;
      await store.reports.markUnqueued(back._id);
      released++;
    }
  }
  return released;
}
