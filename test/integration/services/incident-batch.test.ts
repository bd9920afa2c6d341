/**
 * Referring or closing every report of an incident at once, through the services on the MongoDB
 * test server and real Redis: each member changes as one refer or close of it would (status,
 * referral date, history line, the reporter's notice and the rating question, once), members
 * someone else holds or already closed are skipped and named, the same form sent twice changes
 * nothing more, and the members are worked in bounded batches.
 */
import { Types } from 'mongoose';
import type { ReportDoc } from '../../../src/store';
import { BATCH_SIZE } from '../../../src/services/incident-batch';
import { agent, createHarness, type Harness } from '../../support/tickets-harness';
import { seedReport } from '../../support/report-fixtures';

let h: Harness;
const amina = agent('agent');
const brian = agent('agent');
const sara = agent('supervisor');

beforeAll(async () => {
  h = await createHarness({ label: 'svc-incident-batch' });
});

afterAll(async () => {
  await h?.close();
});

const fresh = async (r: ReportDoc) => (await h.store.reports.findById(r._id))!;
const notices = async (r: ReportDoc, key: string) => (await h.store.messages.listForReport(r._id)).filter((m) => m.notice?.key === key);

/** An incident of `n` reports Amina holds (the first is the lead), every one with its own reporter. */
async function incidentOf(n: number, over: (i: number) => Partial<ReportDoc> = () => ({})): Promise<ReportDoc[]> {
  const incidentId = new Types.ObjectId();
  const out: ReportDoc[] = [];
  for (let i = 0; i < n; i++) {
    const { report } = await seedReport(h.store, { county: 32, place: 'Nakuru market', anonymous: i % 2 === 0, language: i % 3 === 0 ? 'sw' : 'en', ...over(i) });
    expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: amina.id }, { assignee: amina.id })).not.toBeNull();
    expect(await h.store.incidents.setIncident(report._id, incidentId, amina.id)).toBe(true);
    out.push(await fresh(report));
  }
  return out;
}

describe('refer and close every report of an incident', () => {
  let all: ReportDoc[];
  let brians: ReportDoc;
  let closed: ReportDoc;

  beforeAll(async () => {
    all = await incidentOf(8);
    [, , , , , , brians, closed] = all;
    // One member another agent holds (moved there by a supervisor), one already closed, one waiting on its reporter.
    expect(await h.store.incidents.reassign(brians._id, amina.id, brian.id)).toBe(true);
    expect(await h.store.reports.transition(closed._id, 'resolved', { kind: 'agent', agentId: amina.id }, { requireAssignee: amina.id })).not.toBeNull();
    expect(await h.store.reports.transition(all[5]._id, 'waiting_reporter', { kind: 'agent', agentId: amina.id }, { requireAssignee: amina.id })).not.toBeNull();
    all = await Promise.all(all.map(fresh));
  });

  it('is refused to someone who does not handle the incident, and for a ticket in no incident', async () => {
    const lead = all[0]._id.toString();
    const refer = { kind: 'refer', agency: 'IPOA' } as const;
    expect(await h.incidents.applyAll(lead, brian, refer)).toEqual({ ok: false, reason: 'not_assignee' });
    const { report: alone } = await seedReport(h.store);
    expect(await h.incidents.applyAll(alone._id.toString(), sara, refer)).toEqual({ ok: false, reason: 'not_in_incident' });
    // A form that is wrong for every member (another agency without its name) changes none.
    expect(await h.incidents.applyAll(lead, amina, { kind: 'refer', agency: 'OTHER', otherName: ' ' })).toEqual({ ok: false, reason: 'agency_name' });
    for (const r of all) expect((await fresh(r)).status).toBe(r.status);
  });

  it('refers every open report the agent holds, as one referral each; the rest are skipped and named', async () => {
    const lead = all[0]._id.toString();
    const refer = { kind: 'refer', agency: 'IPOA', note: 'Whole Nakuru market incident, file 12' } as const;
    expect(await h.incidents.previewAll(lead, amina, refer)).toEqual({ ok: true, total: 8, changes: 6 });
    const res = await h.incidents.applyAll(lead, amina, refer);
    expect(res).toEqual({
      ok: true,
      total: 8,
      changed: 6,
      skipped: [
        { reference: brians.reference, reason: 'held_by_other' },
        { reference: closed.reference, reason: 'closed' },
      ].sort((a, b) => a.reference.localeCompare(b.reference)),
    });
    for (const r of all.slice(0, 6)) {
      const now = await fresh(r);
      expect(now.status).toBe('referred');
      expect(now.referral).toMatchObject({ agency: 'IPOA', note: refer.note });
      expect(now.referral?.at).toBeInstanceOf(Date);
      const line = (await h.store.reports.history(r._id)).filter((e) => e.type === 'referred');
      expect(line).toHaveLength(1);
      expect(line[0].data).toMatchObject({ agency: 'IPOA', note: refer.note });
      expect(String(line[0].actor?.agentId)).toBe(amina.id);
      const told = await notices(r, 'notices:referred');
      expect(told).toHaveLength(1);
      expect(told[0].notice?.vars).toMatchObject({ agency: 'IPOA' });
    }
    for (const r of [brians, closed]) {
      expect((await fresh(r)).status).toBe(r === closed ? 'resolved' : 'assigned');
      expect(await notices(r, 'notices:referred')).toHaveLength(0);
    }
  });

  it('the same form sent again (a double click, Back then Send) changes nothing and tells no reporter twice', async () => {
    const lead = all[0]._id.toString();
    const refer = { kind: 'refer', agency: 'IPOA', note: 'Whole Nakuru market incident, file 12' } as const;
    expect(await h.incidents.previewAll(lead, amina, refer)).toEqual({ ok: true, total: 8, changes: 0 });
    // Two sends at once as well as one after the other.
    const [again, twice] = await Promise.all([h.incidents.applyAll(lead, amina, refer), h.incidents.applyAll(lead, amina, refer)]);
    for (const res of [again, twice]) {
      expect(res).toMatchObject({ ok: true, total: 8, changed: 0 });
      if (res.ok) expect(res.skipped.filter((s) => s.reason === 'already_referred')).toHaveLength(6);
    }
    for (const r of all.slice(0, 6)) {
      expect(await notices(r, 'notices:referred')).toHaveLength(1);
      expect((await h.store.reports.history(r._id)).filter((e) => e.type === 'referred')).toHaveLength(1);
    }
  });

  it('closes every open report with the resolution chosen, each reporter told once and asked the rating question once', async () => {
    const lead = all[0]._id.toString();
    const close = { kind: 'close', to: 'rejected', rejectReason: 'duplicate', note: 'One event, answered on R-1' } as const;
    const res = await h.incidents.applyAll(lead, amina, close);
    expect(res).toMatchObject({ ok: true, total: 8, changed: 6 });
    if (res.ok) expect([...res.skipped].sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reference: closed.reference, reason: 'already_closed' },
      { reference: brians.reference, reason: 'held_by_other' },
    ]);
    // Sent again: nothing more.
    expect(await h.incidents.applyAll(lead, amina, close)).toMatchObject({ ok: true, changed: 0 });
    for (const r of all.slice(0, 6)) {
      expect(await fresh(r)).toMatchObject({ status: 'rejected' });
      const line = (await h.store.reports.history(r._id)).filter((e) => e.type === 'status_changed' && e.data?.to === 'rejected');
      expect(line.map((e) => e.data)).toEqual([expect.objectContaining({ rejectReason: 'duplicate', note: close.note })]);
      expect(await notices(r, 'notices:closedDuplicate')).toHaveLength(1);
      expect(await notices(r, 'notices:closed')).toHaveLength(0);
      // A duplicate is asked the rating question (spam is not), once however often the form went.
      expect(await notices(r, 'notices:ratingAsk')).toHaveLength(1);
    }
    // Brian's is his: a supervisor closes it (she may act on any), as resolved; its reporter is asked to rate once.
    const bySupervisor = await h.incidents.applyAll(lead, sara, { kind: 'close', to: 'resolved' });
    expect(bySupervisor).toMatchObject({ ok: true, total: 8, changed: 1 });
    expect(await fresh(brians)).toMatchObject({ status: 'resolved' });
    expect(await notices(brians, 'notices:resolved')).toHaveLength(1);
    expect(await notices(brians, 'notices:ratingAsk')).toHaveLength(1);
  });
});

it('a large incident is worked in batches: never more members in flight than a batch', async () => {
  const all = await incidentOf(BATCH_SIZE * 2 + 3);
  const refer = h.tickets.refer.bind(h.tickets);
  let inFlight = 0;
  let most = 0;
  const spy = jest.spyOn(h.tickets, 'refer').mockImplementation(async (...args) => {
    most = Math.max(most, ++inFlight);
    try {
      return await refer(...args);
    } finally {
      inFlight--;
    }
  });
  try {
    const res = await h.incidents.applyAll(all[0]._id.toString(), amina, { kind: 'refer', agency: 'NCIC' });
    expect(res).toEqual({ ok: true, total: all.length, changed: all.length, skipped: [] });
  } finally {
    spy.mockRestore();
  }
  expect(most).toBe(BATCH_SIZE);
  for (const r of [all[0], all[BATCH_SIZE], all.at(-1)!]) expect(await notices(r, 'notices:referred')).toHaveLength(1);
});
