/**
 * Issue 16 through the services, on the MongoDB test server and real Redis: intake links two
 * reporters' reports of one event (both ways, with reasons), an agent joins them into an
 * incident, answers once, each reporter's message is in their own language under their own
 * reference, and a split dissolves the incident. Every step is in each ticket's history.
 */
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { DeliveryService } from '../../../src/services/delivery-service';
import { RedisEventBus } from '../../../src/queue';
import { IntakeService, type IntakeRequest } from '../../../src/services/intake-service';
import { OutboxRelay } from '../../../src/services/outbox-relay';
import { TriageService } from '../../../src/services/triage-service';
import type { ReportDoc } from '../../../src/store';
import { MAX_LINKS } from '../../../src/store/incident-repository';
import { agent, createHarness, type Harness } from '../../support/tickets-harness';

let h: Harness;
let intake: IntakeService;
let nextUser = 830_000_000;
const amina = agent('agent');
const brian = agent('agent');
const sara = agent('supervisor');

beforeAll(async () => {
  h = await createHarness({ label: 'svc-incident' });
  intake = new IntakeService({ store: h.store, reports: h.reports, logger: h.logger, triage: new TriageService({ store: h.store, logger: h.logger }) });
});

afterAll(async () => {
  await h?.close();
});

const at = new Date(Date.now() - 30 * 60_000);

function request(language: 'en' | 'sw', over: Partial<IntakeRequest['report']>): IntakeRequest {
  const id = nextUser++;
  return {
    reporter: { telegramUserId: id, chatId: id, firstName: 'Reporter' },
    language,
    report: { draftId: randomUUID(), kind: 'police', category: 'p_bribery', county: 47, when: 'now', incidentAt: at, dangerNow: false, anonymous: true, evidence: [], description: {}, ...over },
  };
}

async function submit(req: IntakeRequest): Promise<ReportDoc> {
  const res = await intake.submit(req);
  if (!res.ok) throw new Error(`refused: ${res.reason}`);
  const report = await h.store.reports.findById(res.reportId);
  if (!report) throw new Error('not stored');
  return report;
}

/** Submits with a fault in place for this Confirm (`cut`, a spy), and takes the fault away after. */
async function submitWith(cut: { mockRestore(): void }, req: IntakeRequest): Promise<ReportDoc> {
  try {
    return await submit(req);
  } finally {
    cut.mockRestore();
  }
}

async function take(report: ReportDoc, who = amina): Promise<void> {
  const taken = await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: who.id }, { assignee: who.id });
  if (!taken) throw new Error('could not take');
}

const fresh = async (r: ReportDoc) => (await h.store.reports.findById(r._id))!;
const types = async (r: ReportDoc) => (await h.store.reports.history(r._id)).map((e) => e.type);

/**
 * Amina joins `members` into `lead`'s incident while someone else acts on `target`: `meanwhile`
 * runs once, just after the join has read `target` (its checks see it as it was) and before it writes.
 */
async function joinWhile(lead: ReportDoc, members: ReportDoc[], target: ReportDoc, meanwhile: () => Promise<void>) {
  const read = h.store.reports.findById.bind(h.store.reports);
  let done = false;
  const race = jest.spyOn(h.store.reports, 'findById').mockImplementation(async (id) => {
    const doc = await read(id);
    if (String(id) === target._id.toString() && !done) {
      done = true;
      await meanwhile();
    }
    return doc;
  });
  try {
    return await h.incidents.join(lead._id.toString(), amina, members.map((m) => m._id.toString()));
  } finally {
    race.mockRestore();
  }
}

let english: ReportDoc;
let swahili: ReportDoc;
let elsewhere: ReportDoc;

describe('intake links reports of one event', () => {
  it('stores the link on both reports with its score and reasons, and not to a report from another county', async () => {
    english = await submit(request('en', { place: 'Kasarani roadblock, Thika Road', description: { text: 'Police officers at the Kasarani roadblock are demanding 500 shillings from every matatu driver.' } }));
    elsewhere = await submit(request('en', { county: 42, place: 'Kasarani roadblock', description: { text: 'Police officers at the Kasarani roadblock are demanding 500 shillings from every matatu driver.' } }));
    swahili = await submit(request('sw', { place: 'roadblock ya Kasarani', description: { text: 'Polisi kwenye roadblock ya Kasarani wanadai shilingi mia tano kutoka kwa kila dereva wa matatu.' } }));

    const a = await fresh(english);
    const b = await fresh(swahili);
    expect(b.similar?.map((l) => l.reportId.toString())).toEqual([english._id.toString()]);
    expect(a.similar?.map((l) => l.reportId.toString())).toEqual([swahili._id.toString()]);
    expect(a.similar?.[0].score).toBe(b.similar?.[0].score);
    expect(b.similar?.[0].score).toBeGreaterThanOrEqual(0.55);
    const codes = b.similar?.[0].reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['same_county', 'same_category', 'similar_place', 'similar_story']));
    // Seen from each side: "this place" is each report's own.
    const placeOf = (r: ReportDoc) => r.similar?.[0].reasons.find((x) => x.code === 'similar_place')?.a;
    expect(placeOf(b)).toBe('roadblock ya Kasarani');
    expect(placeOf(a)).toBe('Kasarani roadblock, Thika Road');
    expect((await fresh(elsewhere)).similar ?? []).toEqual([]);
    expect(b.triagedAt).toBeTruthy();
    expect(await types(english)).toContain('linked');
    expect(await types(swahili)).toContain('linked');
  });

  it('links a reporter who typed only the county as the place ("Kisumu town") with one who named the estate, and not a bribe there the next day', async () => {
    const kondele = await submit(request('en', { category: 'p_force', county: 42, place: 'Kondele roundabout', description: { text: 'Police shot at people at the rally, one man is down bleeding.' } }));
    const town = await submit(request('sw', { category: 'p_force', county: 42, place: 'Kisumu town', description: { text: 'Askari wamewapiga watu risasi kwa mkutano, damu kila mahali.' } }));
    const nextDay = new Date(at.getTime() + 26 * 3600_000);
    const bribe = await submit(request('en', { county: 42, place: 'Kisumu', incidentAt: nextDay, description: { text: 'Traffic police at the Kondele roundabout roadblock are demanding 200 bob from every boda rider.' } }));
    const link = (await fresh(town)).similar?.find((l) => l.reportId.equals(kondele._id));
    expect(link?.reasons.find((r) => r.code === 'different_place')).toBeUndefined();
    expect((await fresh(town)).similar?.map((l) => l.reportId.toString())).toEqual([kondele._id.toString()]);
    expect((await fresh(bribe)).similar ?? []).toEqual([]);
  });

  it('links one event filed under two neighbouring counties when both name its place', async () => {
    const story = { text: 'Police beat people with batons at the Githurai 45 stage and threw teargas, a hawker is bleeding.' };
    const nairobi = await submit(request('en', { category: 'p_force', place: 'Githurai 45 stage', description: story }));
    const kiambu = await submit(request('sw', { category: 'p_force', county: 22, place: 'stage ya Githurai 45', description: { text: 'Polisi wanapiga watu na rungu Githurai 45, teargas kila mahali, mama mmoja anavuja damu.' } }));
    // The same telling filed under Mombasa, which borders neither: not compared.
    const mombasa = await submit(request('en', { category: 'p_force', county: 1, place: 'Githurai 45 stage', description: story }));
    expect((await fresh(kiambu)).similar?.map((l) => l.reportId.toString())).toEqual([nairobi._id.toString()]);
    const back = (await fresh(nairobi)).similar?.find((l) => l.reportId.equals(kiambu._id));
    expect(back?.reasons.find((r) => r.code === 'neighbouring_county')).toMatchObject({ a: 47, b: 22 });
    expect((await fresh(mombasa)).similar ?? []).toEqual([]);
  });

  it('does not link twice when the same draft is confirmed again', async () => {
    const req = request('en', { place: 'Kasarani roadblock', description: { text: 'Officers at Kasarani roadblock asking matatu drivers for 500 bob.' } });
    const first = await submit(req);
    const again = await submit(req);
    expect(again._id.toString()).toBe(first._id.toString());
    const linkedTo = (await fresh(english)).similar?.filter((l) => l.reportId.toString() === first._id.toString());
    expect(linkedTo).toHaveLength(1);
    expect((await h.store.reports.history(first._id)).filter((e) => e.type === 'linked')).toHaveLength(1);
  });
});

describe('incidents', () => {
  it('refuses an agent who does not hold the ticket, and a report held by another agent', async () => {
    await take(english);
    expect(await h.incidents.join(english._id.toString(), brian, [swahili._id.toString()])).toMatchObject({ ok: false, reason: 'not_assignee' });
    const other = await submit(request('en', { place: 'Kasarani', description: { text: 'Police bribe at Kasarani.' } }));
    await take(other, brian);
    expect(await h.incidents.join(english._id.toString(), amina, [other._id.toString()])).toMatchObject({ ok: false, reason: 'held_by_other', reference: other.reference });
    // Nothing was written: the waiting report is still waiting.
    expect((await fresh(swahili)).status).toBe('received');
  });

  it('refuses an agent pulling a waiting report that is not linked to their ticket (it stays in the queue)', async () => {
    const unrelated = await submit(request('en', { county: 1, category: 'p_force', place: 'Likoni ferry', description: { text: 'An officer beat a hawker at the ferry.' } }));
    expect(unrelated.similar ?? []).toEqual([]);
    expect(await h.incidents.join(english._id.toString(), amina, [unrelated._id.toString()])).toMatchObject({ ok: false, reason: 'not_linked', reference: unrelated.reference });
    const after = await fresh(unrelated);
    expect(after.status).toBe('received');
    expect(after.assignee ?? null).toBeNull();
    expect(after.incident ?? null).toBeNull();
  });

  it('joins a waiting report into the holder\'s incident: it is taken by them, and its reporter is told', async () => {
    const res = await h.incidents.join(english._id.toString(), amina, [swahili._id.toString()]);
    expect(res).toMatchObject({ ok: true, joined: 1 });
    const a = await fresh(english);
    const b = await fresh(swahili);
    expect(a.incident?.id.toString()).toBeTruthy();
    expect(b.incident?.id.toString()).toBe(a.incident?.id.toString());
    expect(b.status).toBe('assigned');
    expect(b.assignee?.toString()).toBe(amina.id);
    // Out of the queue at once: no longer counted as waiting, nor left for takes to skip.
    expect(await h.queues.tickets.jobState(b._id.toString())).toBe('gone');
    expect(a.reference).not.toBe(b.reference);
    const notices = (await h.store.messages.listForReport(b._id)).filter((m) => m.notice?.key === 'notices:taken');
    expect(notices).toHaveLength(1);
    expect(await types(english)).toContain('incident_joined');
    expect(await types(swahili)).toContain('incident_joined');
    // Back to the queue only once split: another agent could take it otherwise.
    expect(await h.tickets.release(swahili._id.toString(), amina)).toEqual({ ok: false, reason: 'in_incident' });
  });

  it('a waiting report joined while storing its "taken" notice fails (MongoDB gave up once the take was written): the outbox relay tells its reporter, once', async () => {
    const story = { place: 'Kahawa West stage', description: { text: 'Polisi walichukua hongo Kahawa West.' } };
    const lead = await submit(request('en', { county: 47, ...story }));
    await take(lead);
    const waiting = await submit(request('sw', { county: 47, ...story }));
    const admin = h.store.models.Message.db.getClient().db('admin');
    const namespace = `${h.db.dbName}.${h.store.models.Message.collection.collectionName}`;
    await admin.command({ configureFailPoint: 'failCommand', mode: 'alwaysOn', data: { failCommands: ['insert'], errorCode: 50, namespace } });
    try {
      expect(await h.incidents.join(lead._id.toString(), amina, [waiting._id.toString()])).toMatchObject({ ok: true, joined: 1 });
    } finally {
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
    }
    expect((await fresh(waiting)).status).toBe('assigned');
    const relay = new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });
    await relay.runOnce({ reconcile: false });
    await relay.runOnce({ reconcile: false });
    expect((await h.store.messages.listForReport(waiting._id)).map((m) => m.notice?.key)).toEqual(['notices:taken']);
    expect((await fresh(waiting)).noticesOwed ?? []).toEqual([]);
    expect(await h.incidents.split(waiting._id.toString(), amina)).toEqual({ ok: true });
  });

  it('sends one answer to every reporter, each in their own language and under their own reference', async () => {
    expect(await h.incidents.replyAll(english._id.toString(), amina, { en: '  ', sw: '' })).toEqual({ ok: false, reason: 'empty' });
    expect(await h.incidents.replyAll(english._id.toString(), brian, { en: 'Hi' })).toMatchObject({ ok: false, reason: 'not_assignee' });
    const res = await h.incidents.replyAll(swahili._id.toString(), amina, { en: 'We have told IPOA about the Kasarani roadblock.', sw: 'Tumeiarifu IPOA kuhusu roadblock ya Kasarani.' });
    expect(res).toEqual({ ok: true, sent: 2, skipped: 0 });
    const bus = new RedisEventBus({ publish: async () => 0 } as never, null, 'unused');
    const delivery = new DeliveryService({ store: h.store, translator: h.translator, events: bus, logger: h.logger });
    const words = async (r: ReportDoc) => {
      const msg = (await h.store.messages.listForReport(r._id)).find((m) => m.kind === 'text');
      const plan = await delivery.prepare(msg!._id.toString());
      if (!plan.due) throw new Error(`not due: ${plan.outcome}`);
      return (await delivery.composeIfReachable(plan.message))?.text;
    };
    const en = await words(english);
    const sw = await words(swahili);
    expect(en).toContain('We have told IPOA about the Kasarani roadblock.');
    expect(en).toContain(english.reference);
    expect(en).not.toContain('Tumeiarifu');
    expect(sw).toContain('Tumeiarifu IPOA kuhusu roadblock ya Kasarani.');
    expect(sw).toContain(swahili.reference);
    expect(sw).not.toContain(english.reference);
    expect(await types(english)).toContain('incident_reply');
    expect(await types(swahili)).toContain('incident_reply');
    // Each keeps their own status.
    expect((await fresh(english)).status).toBe('assigned');
  });

  it('writes in the other language when only one is given, and skips a member closed since', async () => {
    await h.store.reports.transition(english._id, 'resolved', { kind: 'agent', agentId: amina.id }, {});
    const res = await h.incidents.replyAll(swahili._id.toString(), amina, { en: 'One more thing.' });
    expect(res).toEqual({ ok: true, sent: 1, skipped: 1 });
    const last = (await h.store.messages.listForReport(swahili._id)).filter((m) => m.kind === 'text').at(-1);
    expect(last?.text).toBe('One more thing.');
  });

  it('an answer that asks anonymous reporters who they are is refused until the agent confirms it', async () => {
    const count = async () => (await h.store.messages.listForReport(swahili._id)).filter((m) => m.agentId).length;
    const before = await count();
    const ask = { en: 'Please send your phone number so we can call you.', sw: 'Tafadhali tuma namba yako ya simu.' };
    expect(await h.incidents.replyAll(swahili._id.toString(), amina, ask)).toEqual({ ok: false, reason: 'anonymous_asked' });
    expect(await count()).toBe(before);
    expect(await h.incidents.replyAll(swahili._id.toString(), amina, ask, { identityAskConfirmed: true })).toMatchObject({ ok: true });
    expect(await count()).toBe(before + 1);
  });

  it('the same answer form sent twice answers each reporter once: only a reporter joined in between gets it the second time', async () => {
    const copies = async (r: ReportDoc, text: string) => (await h.store.messages.listForReport(r._id)).filter((m) => m.text === text).length;
    const lines = async (r: ReportDoc) => (await types(r)).filter((t) => t === 'incident_reply').length;
    const form = { en: 'We have called the OCS.', sw: 'Tumempigia OCS simu.' };
    const key = 'form-key-0123456789abcdef';
    expect(await h.incidents.replyAll(swahili._id.toString(), amina, form, { key })).toMatchObject({ ok: true, sent: 1 });
    const before = await lines(swahili);

    const late = await submit(request('sw', { place: 'Kasarani', description: { text: 'Polisi walichukua hongo Kasarani.' } }));
    await take(late);
    expect(await h.incidents.join(swahili._id.toString(), amina, [late._id.toString()])).toMatchObject({ ok: true, joined: 1 });
    // The form sent again (a double click, a retry after a lost answer).
    expect(await h.incidents.replyAll(swahili._id.toString(), amina, form, { key })).toMatchObject({ ok: true, sent: 2 });
    expect(await copies(swahili, form.sw)).toBe(1);
    expect(await lines(swahili)).toBe(before);
    expect(await copies(late, form.sw)).toBe(1);
    expect(await lines(late)).toBe(1);
    const lateCopy = (await h.store.messages.listForReport(late._id)).find((m) => m.text === form.sw)!;
    expect(await h.queues.replies.queue.getJob(lateCopy._id.toString())).toBeDefined();

    // A corrected text under the same form is a new answer, for both.
    expect(await h.incidents.replyAll(swahili._id.toString(), amina, { sw: 'Tumempigia OCS wa Kasarani simu.' }, { key })).toMatchObject({ ok: true, sent: 2 });
    expect(await copies(swahili, 'Tumempigia OCS wa Kasarani simu.')).toBe(1);
    expect(await copies(late, 'Tumempigia OCS wa Kasarani simu.')).toBe(1);
    expect(await h.incidents.split(late._id.toString(), amina)).toEqual({ ok: true });
  });

  it('an answer to all that asks anonymous reporters who they are is in each one\'s audit trail, once, even sent again after its lines failed', async () => {
    const asked = async (r: ReportDoc, text: string) => {
      const copy = (await h.store.messages.listForReport(r._id)).find((m) => m.text === text);
      return (await h.store.reports.history(r._id)).filter((e) => e.type === 'incident_reply' && e.data?.messageId === copy?._id.toString()).map((e) => ({ identityAsk: e.data?.identityAsk, agentId: String(e.actor.agentId) }));
    };
    const ask = { en: 'Please send us your phone number so the officer can call you.', sw: 'Tafadhali tutumie namba yako ya simu ili afisa akupigie.' };
    const key = 'form-key-ask-0123456789abcdef';
    // The history's insert fails once (MongoDB gave up on it): the copies are stored, their lines are not.
    const admin = h.store.models.ReportEvent.db.getClient().db('admin');
    const namespace = `${h.db.dbName}.${h.store.models.ReportEvent.collection.collectionName}`;
    await admin.command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data: { failCommands: ['insert'], errorCode: 50, namespace } });
    try {
      await expect(h.incidents.replyAll(swahili._id.toString(), amina, ask, { key, identityAskConfirmed: true })).rejects.toThrow();
    } finally {
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
    }
    // The agent sends the form again (the browser kept its key).
    expect(await h.incidents.replyAll(swahili._id.toString(), amina, ask, { key, identityAskConfirmed: true })).toMatchObject({ ok: true });
    expect(swahili.anonymous).toBe(true);
    expect(await asked(swahili, ask.sw)).toEqual([{ identityAsk: 'phone', agentId: amina.id }]);
  });

  it('lets a supervisor move a report another agent holds into the incident', async () => {
    const other = await submit(request('sw', { place: 'Kasarani', description: { text: 'Hongo Kasarani.' } }));
    await take(other, brian);
    expect(await h.incidents.join(swahili._id.toString(), sara, [other._id.toString()])).toMatchObject({ ok: true });
    expect((await fresh(other)).assignee?.toString()).toBe(amina.id);
    expect((await fresh(other)).incident?.id.toString()).toBe((await fresh(swahili)).incident?.id.toString());
    expect(await h.incidents.split(other._id.toString(), sara)).toEqual({ ok: true });
    expect((await fresh(other)).incident).toBeNull();
  });

  it('splits a report out; the last one left is no incident either; both histories say so', async () => {
    expect(await h.incidents.split(new Types.ObjectId().toString(), amina)).toEqual({ ok: false, reason: 'not_found' });
    expect(await h.incidents.split(swahili._id.toString(), brian)).toMatchObject({ ok: false, reason: 'not_assignee' });
    expect(await h.incidents.split(swahili._id.toString(), amina)).toEqual({ ok: true });
    expect((await fresh(swahili)).incident).toBeNull();
    expect((await fresh(english)).incident).toBeNull();
    expect(await types(swahili)).toContain('incident_split');
    expect(await types(english)).toContain('incident_split');
    expect(await h.incidents.split(swahili._id.toString(), amina)).toEqual({ ok: false, reason: 'not_in_incident' });
  });

  it('a report another agent takes while the join is on its way is skipped and counted; the others are still joined', async () => {
    const story = { description: { text: 'Officers at the Githurai roundabout are taking 200 shillings from every boda rider.' } };
    const lead = await submit(request('en', { county: 22, place: 'Githurai roundabout', ...story }));
    const taken = await submit(request('en', { county: 22, place: 'Githurai roundabout', ...story }));
    const waiting = await submit(request('en', { county: 22, place: 'Githurai roundabout', ...story }));
    expect((await fresh(lead)).similar?.length).toBe(2);
    await take(lead);
    // Brian takes one from the queue between the checks (which saw it waiting) and the writes.
    const res = await joinWhile(lead, [taken, waiting], taken, () => take(taken, brian));
    expect(res).toMatchObject({ ok: true, joined: 1, skipped: 1 });
    const [l, t, w] = await Promise.all([fresh(lead), fresh(taken), fresh(waiting)]);
    expect(w.incident?.id.toString()).toBe(l.incident?.id.toString());
    expect(w.assignee?.toString()).toBe(amina.id);
    expect(t.incident ?? null).toBeNull();
    expect(t.assignee?.toString()).toBe(brian.id);
  });

  it('when every report changed meanwhile, nothing is joined: the lead is no incident of one, and can still be released', async () => {
    const story = { description: { text: 'Officers at the Juja stage are taking 100 shillings from every matatu.' } };
    const lead = await submit(request('en', { county: 23, place: 'Juja stage', ...story }));
    const other = await submit(request('en', { county: 23, place: 'Juja stage', ...story }));
    await take(lead);
    expect(await joinWhile(lead, [other], other, () => take(other, brian))).toMatchObject({ ok: false, reason: 'changed' });
    expect((await fresh(lead)).incident ?? null).toBeNull();
    expect(await types(lead)).not.toContain('incident_joined');
    expect(await h.tickets.release(lead._id.toString(), amina)).toEqual({ ok: true });
  });

  it('a waiting lead taken for the incident, then released before it is marked, is refused as taken, not as "nothing was done"', async () => {
    const story = { description: { text: 'Officers at the Mandera bus stage beat a hawker who would not pay them.' } };
    const lead = await submit(request('en', { county: 9, category: 'p_force', place: 'Mandera bus stage', ...story }));
    const other = await submit(request('en', { county: 9, category: 'p_force', place: 'Mandera bus stage', ...story }));
    expect((await fresh(lead)).similar?.length).toBe(1);
    // A supervisor joins from a waiting report; it is released (a second tab) between its take and its incident mark.
    const mark = h.store.incidents.setIncident.bind(h.store.incidents);
    const race = jest.spyOn(h.store.incidents, 'setIncident').mockImplementationOnce(async (id, incidentId, holder) => {
      expect(await h.tickets.release(lead._id.toString(), sara)).toEqual({ ok: true });
      return mark(id, incidentId, holder);
    });
    try {
      expect(await h.incidents.join(lead._id.toString(), sara, [other._id.toString()])).toEqual({ ok: false, reason: 'taken_not_joined', reference: lead.reference });
    } finally {
      race.mockRestore();
    }
    // Its reporter was told it was taken; nothing was joined; the other report still waits.
    expect((await h.store.messages.listForReport(lead._id)).filter((m) => m.notice?.key === 'notices:taken')).toHaveLength(1);
    const [l, o] = await Promise.all([fresh(lead), fresh(other)]);
    expect(l.incident ?? null).toBeNull();
    expect(o).toMatchObject({ status: 'received', incident: null });
  });

  it('a report a supervisor released while the join was on its way is not joined: it stays in the queue for anyone', async () => {
    const story = { description: { text: 'Police at the Ruiru bypass roadblock beat a boda rider who refused to pay.' } };
    const lead = await submit(request('en', { county: 24, category: 'p_force', place: 'Ruiru bypass roadblock', ...story }));
    const held = await submit(request('en', { county: 24, category: 'p_force', place: 'Ruiru bypass roadblock', ...story }));
    const waiting = await submit(request('en', { county: 24, category: 'p_force', place: 'Ruiru bypass roadblock', ...story }));
    await take(lead);
    await take(held);
    // The join reads "held" as Amina's; a supervisor releases it before the write.
    const res = await joinWhile(lead, [held, waiting], held, async () => {
      expect(await h.tickets.release(held._id.toString(), sara)).toEqual({ ok: true });
    });
    expect(res).toMatchObject({ ok: true, joined: 1, skipped: 1 });
    const back = await fresh(held);
    expect(back.status).toBe('received');
    expect(back.assignee ?? null).toBeNull();
    expect(back.incident ?? null).toBeNull();
  });
});

it('completes a triage that failed half-way when it runs again: both reports linked once, one "linked" entry in each history', async () => {
  // Stored without linking, then linked by hand, the history write failing the first time.
  const quiet = new IntakeService({ store: h.store, reports: h.reports, logger: h.logger });
  const story = { text: 'Officers at the Eldoret stage roadblock took 200 shillings from each boda boda rider.' };
  const triage = new TriageService({ store: h.store, logger: h.logger });
  const one = await quiet.submit(request('en', { county: 27, place: 'Eldoret stage', description: story }));
  if (!one.ok) throw new Error('not stored');
  const a = (await h.store.reports.findById(one.reportId))!;
  expect(await triage.link(a)).toEqual([]);
  const two = await quiet.submit(request('sw', { county: 27, place: 'Eldoret stage', description: story }));
  if (!two.ok) throw new Error('not stored');
  const b = (await h.store.reports.findById(two.reportId))!;
  // The next history write fails as a dropped connection would (in this process only: the
  // server's failCommand fail point is one for the whole shared server, and other files use it).
  const events = h.store.models.ReportEvent.collection;
  const cut = jest.spyOn(events, 'insertMany').mockImplementationOnce(() => Promise.reject(new Error('connection reset by peer')));
  try {
    await expect(triage.link(b)).rejects.toThrow(/connection reset/);
  } finally {
    cut.mockRestore();
  }
  expect((await fresh(b)).triagedAt ?? null).toBeNull();
  await triage.link(b);
  for (const [report, other] of [[a, b], [b, a]]) {
    expect((await fresh(report)).similar?.filter((l) => l.reportId.toString() === other._id.toString())).toHaveLength(1);
    const linked = (await h.store.reports.history(report._id)).filter((e) => e.type === 'linked');
    expect(linked.map((e) => e.data?.reportIds)).toEqual([[other._id.toString()]]);
  }
});

describe('what the Confirm records about linking', () => {
  const story = { text: 'Police at the Githurai 45 stage beat a hawker and took his stock this evening.' };

  it('marks a report triaged and queued, and a report whose ticket could not be queued is still marked triaged', async () => {
    const queued = await submit(request('en', { county: 22, place: 'Githurai 45 stage', description: story }));
    expect(queued.queuedAt).toBeTruthy();
    expect(queued.triagedAt).toBeTruthy();
    // Redis refuses the ticket: the report is stored for the relay, its triage still recorded.
    const enqueue = jest.spyOn(h.queues.tickets, 'enqueue').mockRejectedValueOnce(new Error('Connection is closed.'));
    try {
      const unqueued = await submit(request('sw', { county: 22, place: 'Githurai 45 stage', description: story }));
      expect(unqueued.queuedAt ?? null).toBeNull();
      expect(unqueued.triagedAt).toBeTruthy();
      // Linked to the first; a Nairobi report of a beating at the same stage in the same minute (an earlier test's) may be linked too.
      expect(unqueued.similar?.map((l) => l.reportId.toString())).toContain(queued._id.toString());
    } finally {
      enqueue.mockRestore();
    }
  });

  it('a triage that failed leaves the report queued and untriaged, and the next Confirm of the draft links it', async () => {
    const req = request('en', { county: 22, place: 'Githurai 45', description: story });
    const first = await submitWith(jest.spyOn(h.store.incidents, 'versionsInWindow').mockRejectedValueOnce(new Error('connection reset by peer')), req);
    expect(first.queuedAt).toBeTruthy();
    expect(first.triagedAt ?? null).toBeNull();
    const again = await submit(req);
    expect(again._id.toString()).toBe(first._id.toString());
    expect(again.triagedAt).toBeTruthy();
    expect(again.similar?.length).toBeGreaterThan(0);
  });
});

it('a link the database refuses leaves the new report queued and untriaged, its history whole, and the next Confirm links it', async () => {
  const story = { text: 'Officers at the Kangemi roadblock took the phones of three boda boda riders and asked for money.' };
  const earlier = await submit(request('en', { county: 31, place: 'Kangemi roadblock', description: story }));
  // The earlier report's links cannot take a push (as a document broken by hand would): the back
  // link, written after the queued mark in the same ordered write, fails there and stops the rest.
  await h.store.models.Report.collection.updateOne({ _id: earlier._id }, { $set: { similar: 'broken' } });
  const req = request('sw', { county: 31, place: 'Kangemi roadblock', description: story });
  const first = await submit(req);
  expect(first.queuedAt).toBeTruthy();
  expect(first.triagedAt ?? null).toBeNull();
  expect(await types(first)).toEqual(expect.arrayContaining(['submitted', 'queued']));
  await h.store.models.Report.collection.updateOne({ _id: earlier._id }, { $set: { similar: [] } });
  const again = await submit(req);
  expect(again._id.toString()).toBe(first._id.toString());
  expect(again.triagedAt).toBeTruthy();
  expect(again.similar?.map((l) => l.reportId.toString())).toEqual([earlier._id.toString()]);
  expect((await fresh(earlier)).similar?.map((l) => l.reportId.toString())).toEqual([first._id.toString()]);
  expect((await types(first)).filter((t) => t === 'linked')).toHaveLength(1);
});

it('a link refused on a ticket an agent had taken and given back does not fail the reporter\'s send', async () => {
  const story = { text: 'Officers at the Kawangware stage arrested a tout and asked his family for 3,000 shillings.' };
  const earlier = await submit(request('en', { county: 32, place: 'Kawangware stage', description: story }));
  const req = request('sw', { county: 32, place: 'Kawangware stage', description: story });
  // Someone in danger: stored and queued before the story, taken by an agent, then given back
  // while Redis was down (not queued again yet).
  const urgent = await intake.urgent({ reporter: req.reporter, language: req.language, report: { draftId: req.report.draftId, kind: 'police', category: 'p_bribery' } });
  if (!urgent.ok) throw new Error('not stored');
  await take((await h.store.reports.findById(urgent.reportId))!);
  await h.store.models.Report.collection.updateOne({ _id: new Types.ObjectId(urgent.reportId) }, { $set: { status: 'received', assignee: null, queuedAt: null } });
  await h.store.models.Report.collection.updateOne({ _id: earlier._id }, { $set: { similar: 'broken' } });
  const sent = await submit(req);
  expect(sent._id.toString()).toBe(urgent.reportId);
  expect(sent.queuedAt).toBeTruthy();
  expect(sent.triagedAt ?? null).toBeNull();
  await h.store.models.Report.collection.updateOne({ _id: earlier._id }, { $set: { similar: [] } });
});

it('a "linked" history entry refused in the Confirm\'s insert leaves the report queued with its own entries, and untriaged', async () => {
  const story = { text: 'Police at the Kibera DC roadblock beat a boda boda rider who would not pay.' };
  await submit(request('en', { county: 33, place: 'Kibera DC roadblock', description: story }));
  const req = request('sw', { county: 33, place: 'Kibera DC roadblock', description: story });
  // The server writes the report's own two entries and refuses the third (a linked one), as a
  // validator would: the unordered insert reports the failure at its index.
  const events = h.store.models.ReportEvent.collection;
  const real = events.insertMany.bind(events);
  const cut = jest.spyOn(events, 'insertMany').mockImplementationOnce(async (docs, opts) => {
    await real(docs.slice(0, 2), opts);
    throw Object.assign(new Error('Document failed validation'), { code: 121, writeErrors: [{ index: 2, code: 121 }] });
  });
  const sent = await submitWith(cut, req);
  expect(sent.queuedAt).toBeTruthy();
  expect(sent.triagedAt ?? null).toBeNull();
  expect(await types(sent)).toEqual(['submitted', 'queued']);
  const again = await submit(req);
  expect(again.triagedAt).toBeTruthy();
  expect((await types(again)).filter((t) => t === 'linked')).toHaveLength(1);
});

/** As if the report was stored, queued and last changed two minutes ago. */
const age = (r: ReportDoc) => h.store.models.Report.collection.updateOne({ _id: r._id }, { $set: { createdAt: new Date(Date.now() - 2 * 60_000), updatedAt: new Date(Date.now() - 2 * 60_000) } });

const relayWithTriage = () => new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, triage: new TriageService({ store: h.store, logger: h.logger }) });

it('the relay gives a report linked meanwhile by a later one no second pair of history entries', async () => {
  const story = { text: 'A police officer at the Ruaraka roundabout slapped a woman selling fruit and took her money.' };
  const window = jest.spyOn(h.store.incidents, 'versionsInWindow').mockRejectedValueOnce(new Error('connection reset by peer'));
  const left = await submitWith(window, request('en', { county: 35, place: 'Ruaraka roundabout', description: story }));
  // A later report of the same event links both ways (and writes the pair of entries) before the relay runs.
  const later = await submit(request('sw', { county: 35, place: 'Ruaraka roundabout', description: story }));
  expect((await fresh(left)).similar?.map((l) => l.reportId.toString())).toEqual([later._id.toString()]);
  await age(left);
  await relayWithTriage().runOnce({ reconcile: true });
  expect((await fresh(left)).triagedAt).toBeTruthy();
  for (const r of [left, later]) {
    expect((await fresh(r)).similar).toHaveLength(1);
    expect((await types(r)).filter((t) => t === 'linked')).toHaveLength(1);
  }
});

it('the outbox relay links a report its Confirm could not link, once it is a minute old', async () => {
  const story = { text: 'Police at the Mathare North chief\'s camp detained two youths overnight without charge.' };
  const earlier = await submit(request('en', { county: 34, place: "Mathare North chief's camp", description: story }));
  const window = jest.spyOn(h.store.incidents, 'versionsInWindow').mockRejectedValueOnce(new Error('connection reset by peer'));
  const left = await submitWith(window, request('sw', { county: 34, place: "Mathare North chief's camp", description: story }));
  expect(left.triagedAt ?? null).toBeNull();
  const relay = relayWithTriage();
  // Too young: its Confirm might still be linking it.
  await relay.runOnce({ reconcile: true });
  expect((await fresh(left)).triagedAt ?? null).toBeNull();
  // Stored long ago but changed just now (someone in danger, the story sent a moment ago): its Confirm may be linking it.
  await age(left);
  await h.store.models.Report.collection.updateOne({ _id: left._id }, { $set: { updatedAt: new Date() } });
  await relay.runOnce({ reconcile: true });
  expect((await fresh(left)).triagedAt ?? null).toBeNull();
  await age(left);
  expect((await relay.runOnce({ reconcile: true })).relinked).toBeGreaterThanOrEqual(1);
  const linked = await fresh(left);
  expect(linked.triagedAt).toBeTruthy();
  expect(linked.similar?.map((l) => l.reportId.toString())).toEqual([earlier._id.toString()]);
  expect((await fresh(earlier)).similar?.map((l) => l.reportId.toString())).toEqual([left._id.toString()]);
  // Linked once: a later pass leaves it alone.
  await relay.runOnce({ reconcile: true });
  expect((await types(left)).filter((t) => t === 'linked')).toHaveLength(1);
});

it('a report about a busy event keeps its 20 strongest links, however many later reports link back to it', async () => {
  const story = { text: 'Officers at the Kondele roadblock took 500 shillings from every matatu driver this morning.' };
  const first = await submit(request('en', { county: 17, place: 'Kondele roadblock', description: story }));
  for (let i = 0; i < 24; i++) await submit(request(i % 2 ? 'sw' : 'en', { county: 17, place: 'Kondele roadblock', description: story }));
  const links = (await fresh(first)).similar ?? [];
  expect(links).toHaveLength(MAX_LINKS);
  const scores = links.map((l) => l.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect(new Set(links.map((l) => l.reportId.toString())).size).toBe(MAX_LINKS);
});

it('an urgent ticket joined into an incident, closed, then reopened by the rest of its report goes back to the queue out of the incident', async () => {
  const lead = await submit(request('en', { county: 36, place: 'Kangemi market', description: { text: 'Police at Kangemi market took traders\' goods and demanded money to return them.' } }));
  await take(lead);
  const req = request('sw', { county: 36, place: 'Kangemi', description: { text: 'Polisi walinichukulia bidhaa sokoni Kangemi wakataka pesa.' } });
  const urgent = await intake.urgent({ reporter: req.reporter, language: req.language, report: { draftId: req.report.draftId, kind: 'police', category: 'p_bribery' } });
  if (!urgent.ok) throw new Error('not stored');
  // A supervisor joins it into Amina's incident (no link needed), and she rejects the empty ticket.
  expect(await h.incidents.join(lead._id.toString(), sara, [urgent.reportId])).toMatchObject({ ok: true });
  const joined = (await h.store.reports.findById(urgent.reportId))!;
  expect(joined.incident?.id.toString()).toBe((await fresh(lead)).incident?.id.toString());
  expect(await h.store.reports.transition(joined._id, 'rejected', { kind: 'agent', agentId: amina.id }, { requireAssignee: amina.id })).toBeTruthy();

  const sent = await submit(req);
  expect(sent._id.toString()).toBe(urgent.reportId);
  expect(sent).toMatchObject({ status: 'received', assignee: null, incident: null });
  expect(sent.queuedAt).toBeTruthy();
  expect(await types(sent)).toEqual(expect.arrayContaining(['reopened', 'incident_split']));
  // Its incident had two reports: the one left is alone, so no incident either, and its history says why.
  expect((await fresh(lead)).incident ?? null).toBeNull();
  const leadSplit = (await h.store.reports.history(lead._id)).find((e) => e.type === 'incident_split');
  expect(leadSplit?.data).toMatchObject({ split: sent.reference, reopened: true, dissolved: true });
});
