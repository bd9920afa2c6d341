import type { Types } from 'mongoose';
import type { Actor, ReportDoc, Store } from '../store';
import type { EventBus } from './events';

export interface LeftIncident {
  /** False: it was no longer in that incident (split meanwhile). */
  left: boolean;
  /** The one report left alone in it left too: one report is no incident. */
  dissolved: boolean;
}

/**
 * One ticket out of its incident, written in its history and in the other members' (`reopened`:
 * it went back to the queue, not split by an agent), and their pages told.
 */
export async function leaveIncident(
  deps: { store: Store; events?: Pick<EventBus, 'publish'> },
  t: Pick<ReportDoc, '_id' | 'reference'>,
  incidentId: Types.ObjectId,
  actor: Actor,
  opts: { reopened?: true } = {},
): Promise<LeftIncident> {
  const { store, events } = deps;
  if (!(await store.incidents.clearIncident(t._id, incidentId))) return { left: false, dissolved: false };
  const data = { incidentId: incidentId.toString(), split: t.reference, ...opts };
  await store.reports.addEvent(t._id, 'incident_split', actor, data);
  const rest = await store.incidents.members(incidentId);
  const dissolved = rest.length === 1 && (await store.incidents.clearIncident(rest[0]._id, incidentId));
  for (const m of rest) {
    await store.reports.addEvent(m._id, 'incident_split', actor, { ...data, ...(dissolved ? { dissolved: true } : {}) });
    await events?.publish({ type: 'ticket', reportId: m._id.toString(), what: 'status' });
  }
  await events?.publish({ type: 'ticket', reportId: t._id.toString(), what: 'status' });
  return { left: true, dissolved };
}
