/**
 * Deactivating an account, over HTTP on the real tickets graph (queue in Redis, MongoDB test
 * server): the reporters of its tickets must not wait on someone who is gone.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter, takeUntilHeld } from '../../support/tickets-harness';
import type { ReportDoc } from '../../../src/store';
import { handBackFromDeactivated } from '../../../src/services/deactivated-holders';
import { OutboxRelay } from '../../../src/services/outbox-relay';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-deactivate' });
  await h.account('amina', 'admin');
  await h.account('daudi', 'supervisor');
});

afterAll(async () => {
  await h?.close();
});

async function submit(): Promise<ReportDoc> {
  const who = await reporter(h.store);
  return (await h.reports.submit(reportInput(who._id))).report;
}

const statusOf = async (r: ReportDoc) => (await h.store.reports.findById(r._id))!;

it('puts the tickets a deactivated agent held back at the front of the queue, and leaves a referral and an incident under their name', async () => {
  const kamau = await h.account('kamau', 'agent');
  const desk = h.browser();
  await desk.signIn('kamau');
  // Kamau takes four tickets, oldest first: a plain one, one he refers, and two he joins into an incident.
  const [plain, referred, lead, member] = [await submit(), await submit(), await submit(), await submit()];
  for (let i = 0; i < 4; i++) expect((await desk.post('/queue/take')).statusCode).toBe(303);
  for (const r of [plain, referred, lead, member]) expect((await statusOf(r)).assignee?.toString()).toBe(kamau._id.toString());
  expect((await desk.post(`/tickets/${referred._id.toString()}/refer`, { agency: 'IPOA' })).headers.location).toContain('ok=');
  const sup = h.browser();
  await sup.signIn('daudi');
  expect((await sup.post(`/tickets/${lead._id.toString()}/incident/join`, { member: member._id.toString() })).headers.location).toContain('ok=incident_joined');
  // A ticket submitted after kamau took his: the released one goes before it.
  const later = await submit();

  const admin = h.browser();
  await admin.signIn('amina');
  const done = await admin.post(`/admin/agents/${kamau._id.toString()}/active`, { active: 'false' });
  expect(done.headers.location).toBe('/admin/agents?ok=account_deactivated_kept&released=1&kept=3');
  expect((await admin.get(done.headers.location!)).body).toContain('Tickets put back at the top of the queue: 1. Still under their name, as referred to an agency or part of an incident: 3;');

  expect(await statusOf(plain)).toMatchObject({ status: 'received', assignee: null });
  for (const r of [referred, lead, member]) expect((await statusOf(r)).assignee?.toString()).toBe(kamau._id.toString());
  // The history says why, and the next agent gets that ticket before the one that came later.
  expect((await sup.get(`/tickets/${plain._id.toString()}`)).body).toContain('Released to the queue (the account holding it was deactivated)');
  await h.account('njeri', 'agent');
  const next = h.browser();
  await next.signIn('njeri');
  expect((await next.post('/queue/take')).headers.location).toBe(`/tickets/${plain._id.toString()}`);
  expect((await next.post('/queue/take')).headers.location).toBe(`/tickets/${later._id.toString()}`);
});

it('says only that the account was deactivated when it held nothing, in Swahili for a Swahili admin', async () => {
  const idle = await h.account('idle', 'agent');
  const admin = await h.account('zawadi', 'admin');
  await h.store.agents.setLanguage(admin._id, 'sw');
  const b = h.browser();
  await b.signIn('zawadi');
  const done = await b.post(`/admin/agents/${idle._id.toString()}/active`, { active: 'false' });
  expect(done.headers.location).toBe('/admin/agents?ok=account_deactivated&released=0&kept=0');
  expect((await b.get(done.headers.location!)).body).toContain('Akaunti imezimwa na kutolewa kila mahali.');
});

it('puts back a ticket taken by an agent whose deactivation landed while the take was under way', async () => {
  const wanjiku = await h.account('wanjiku', 'agent');
  const waiting = await submit();
  // The take passed the session check; the deactivation lands before it is done.
  await h.store.agents.setActive(wanjiku._id, false);
  expect(await h.tickets.takeNext({ id: wanjiku._id.toString(), role: 'agent' })).toEqual({ ok: false, reason: 'inactive' });
  expect(await statusOf(waiting)).toMatchObject({ status: 'received', assignee: null });
  const history = await h.store.reports.history(waiting._id);
  expect(history.filter((e) => e.type === 'released').map((e) => e.data?.reason)).toEqual(['holder_deactivated']);
  // The reporter was never told it was taken, and the next agent gets it.
  expect((await h.store.messages.listForReport(waiting._id)).filter((m) => m.notice?.key === 'notices:taken')).toEqual([]);
  // Nor owed it: the outbox relay will not tell them later.
  expect((await h.store.reports.findById(waiting._id))?.noticesOwed ?? []).toEqual([]);
  await h.account('otieno', 'agent');
  const next = h.browser();
  await next.signIn('otieno');
  expect((await next.post('/queue/take')).headers.location).toBe(`/tickets/${waiting._id.toString()}`);
});

it('migrate puts back what an account deactivated before this release still holds, and the relay queues it', async () => {
  const mwangi = await h.account('mwangi', 'agent');
  const held = await submit();
  const taken = await h.tickets.takeNext({ id: mwangi._id.toString(), role: 'agent' });
  expect(taken.ok && taken.report._id.toString()).toBe(held._id.toString());
  // Deactivated the way an older release did it: the account only.
  await h.store.agents.setActive(mwangi._id, false);
  expect(await handBackFromDeactivated(h.store, { dryRun: true })).toBe(1);
  expect((await statusOf(held)).assignee?.toString()).toBe(mwangi._id.toString());
  // Once (kamau's referral and incident, from the first test, stay his).
  expect(await handBackFromDeactivated(h.store)).toBe(1);
  expect(await handBackFromDeactivated(h.store)).toBe(0);
  expect(await statusOf(held)).toMatchObject({ status: 'received', assignee: null, queuedAt: null });
  const relay = new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 });
  expect((await relay.runOnce()).tickets).toBe(1);
  await h.account('achieng', 'agent');
  const next = h.browser();
  await next.signIn('achieng');
  expect((await next.post('/queue/take')).headers.location).toBe(`/tickets/${held._id.toString()}`);
});

it('a supervisor cannot join waiting reports into an incident its deactivated holder keeps: its reporters would be told "taken" by nobody', async () => {
  const wafula = await h.account('wafula', 'agent');
  const [lead, member] = [await submit(), await submit()];
  for (let i = 0; i < 2; i++) expect((await h.tickets.takeNext({ id: wafula._id.toString(), role: 'agent' })).ok).toBe(true);
  const sup = h.browser();
  await sup.signIn('daudi');
  expect((await sup.post(`/tickets/${lead._id.toString()}/incident/join`, { member: member._id.toString() })).headers.location).toContain('ok=incident_joined');
  const admin = h.browser();
  await admin.signIn('amina');
  await admin.post(`/admin/agents/${wafula._id.toString()}/active`, { active: 'false' });
  const waiting = await submit();
  const refused = await sup.post(`/tickets/${lead._id.toString()}/incident/join`, { member: waiting._id.toString() });
  expect(refused.headers.location).toContain('err=refused_holder_inactive');
  expect((await sup.get(refused.headers.location!)).body).toContain('The agent who holds this incident&#39;s reports has been deactivated, so nothing was joined');
  expect(await statusOf(waiting)).toMatchObject({ status: 'received', assignee: null });
  expect((await h.store.messages.listForReport(waiting._id)).filter((m) => m.notice?.key === 'notices:taken')).toEqual([]);
  // It stays first in line for an agent.
  await h.account('chebet', 'agent');
  const next = h.browser();
  await next.signIn('chebet');
  expect((await next.post('/queue/take')).headers.location).toBe(`/tickets/${waiting._id.toString()}`);
});

it('a supervisor hands a deactivated agent\'s referral and incident to another agent, who sees them and the reply waiting; agents cannot', async () => {
  const ouma = await h.account('ouma', 'agent');
  const [referral, lead, member] = [await submit(), await submit(), await submit()];
  for (let i = 0; i < 3; i++) expect((await h.tickets.takeNext({ id: ouma._id.toString(), role: 'agent' })).ok).toBe(true);
  expect(await h.tickets.refer(referral._id.toString(), { id: ouma._id.toString(), role: 'agent' }, 'IPOA')).toEqual({ ok: true });
  const sup = h.browser();
  await sup.signIn('daudi');
  expect((await sup.post(`/tickets/${lead._id.toString()}/incident/join`, { member: member._id.toString() })).headers.location).toContain('ok=incident_joined');
  const admin = h.browser();
  await admin.signIn('amina');
  await admin.post(`/admin/agents/${ouma._id.toString()}/active`, { active: 'false' });
  // The reporter writes back on the referral after Ouma left.
  await h.store.messages.addIncoming(referral._id, { text: 'IPOA has not called me yet' });
  // The supervisors' list marks the reply nobody has read.
  const unreadMark = (r: ReportDoc) => new RegExp(`${r.reference}</a> <span class="unread-dot" data-testid="unread"`);
  const list = (await sup.get('/supervisor/tickets')).body;
  expect(list).toMatch(unreadMark(referral));
  expect(list).not.toMatch(unreadMark(lead));

  const mutua = await h.account('mutua', 'agent');
  const page = (await sup.get(`/tickets/${lead._id.toString()}`)).body;
  expect(page).toContain('id="handover-form"');
  expect(page).toContain(`<option value="${mutua._id.toString()}" `);
  expect(page).not.toContain(`<option value="${ouma._id.toString()}"`);
  expect(page).toContain('The whole incident goes with it');
  // Refused: nobody chosen, a deactivated account, and anyone but a supervisor.
  expect((await sup.post(`/tickets/${lead._id.toString()}/handover`, { to: '' })).headers.location).toContain('err=choose_agent');
  expect((await sup.post(`/tickets/${lead._id.toString()}/handover`, { to: ouma._id.toString() })).headers.location).toContain('err=refused_target_inactive');
  const other = h.browser();
  await other.signIn('mutua');
  expect((await other.get(`/tickets/${referral._id.toString()}`)).statusCode).toBe(403);

  const handed = await sup.post(`/tickets/${lead._id.toString()}/handover`, { to: mutua._id.toString(), held: ouma._id.toString() });
  expect(handed.headers.location).toContain('ok=handed_over');
  expect((await sup.post(`/tickets/${referral._id.toString()}/handover`, { to: mutua._id.toString(), held: ouma._id.toString() })).headers.location).toContain('ok=handed_over');
  for (const r of [referral, lead, member]) expect((await statusOf(r)).assignee?.toString()).toBe(mutua._id.toString());
  expect((await statusOf(referral)).status).toBe('referred');
  // A second hand-over from the page drawn before the first is refused: the ticket changed hands.
  expect((await sup.post(`/tickets/${lead._id.toString()}/handover`, { to: (await h.account('kerubo', 'agent'))._id.toString(), held: ouma._id.toString() })).headers.location).toContain('err=refused_changed');
  // Mutua now has them, the unread reply marked, and the history says who handed what to whom.
  const queue = (await other.get('/queue')).body;
  for (const r of [referral, lead, member]) expect(queue).toContain(r.reference);
  expect(queue).toMatch(/data-testid="unread"/);
  await other.get(`/tickets/${referral._id.toString()}`);
  expect((await sup.get('/supervisor/tickets')).body).not.toMatch(unreadMark(referral));
  expect((await other.get(`/tickets/${member._id.toString()}/activity`, { accept: '*/*' })).body).toContain('Handed over: ');
  expect((await other.post(`/tickets/${referral._id.toString()}/handover`, { to: ouma._id.toString() })).headers.location).toContain('err=refused_wrong_role');
  // The next hand-over shows what each person holds against the cap: Mutua the incident (once)
  // and not the referral, which waits on an agency; Daudi nothing.
  await submit();
  const taken = await h.tickets.takeNext({ id: (await h.store.agents.findByUsername('kerubo'))!._id.toString(), role: 'agent' });
  if (!taken.ok) throw new Error('not taken');
  const next = (await sup.get(`/tickets/${taken.report._id.toString()}`)).body;
  expect(next).toMatch(new RegExp(`<option value="${mutua._id.toString()}"[^>]*>[^<]*: 1 of \\d+ tickets \\(mutua\\)</option>`));
  expect(next).toMatch(/: 0 of \d+ tickets \(daudi\)<\/option>/);
});

it('a hand-over whose target is deactivated while it is under way is refused, and the tickets go back to whoever held them', async () => {
  const kamande = await h.account('kamande', 'agent');
  const [referral, held] = [await submit(), await submit()];
  for (let i = 0; i < 2; i++) expect((await h.tickets.takeNext({ id: kamande._id.toString(), role: 'agent' })).ok).toBe(true);
  expect(await h.tickets.refer(referral._id.toString(), { id: kamande._id.toString(), role: 'agent' }, 'IPOA')).toEqual({ ok: true });
  const sup = { id: (await h.store.agents.findByUsername('daudi'))!._id.toString(), role: 'supervisor' as const };
  // Both in one incident, so one hand-over moves a referral and a ticket being worked.
  expect(await h.store.incidents.setIncident(referral._id, referral._id, kamande._id)).toBe(true);
  expect(await h.store.incidents.setIncident(held._id, referral._id, kamande._id)).toBe(true);
  const leaving = await h.account('leaving', 'agent');
  // The hand-over has read the target as active; the deactivation (and its hand-back, which finds
  // nothing yet) lands before the tickets move.
  const reassign = h.store.incidents.reassign.bind(h.store.incidents);
  const spy = jest.spyOn(h.store.incidents, 'reassign').mockImplementationOnce(async (...args) => {
    await h.store.agents.setActive(leaving._id, false);
    expect(await h.tickets.handBack(leaving._id.toString(), sup)).toEqual({ released: 0, kept: 0 });
    return reassign(...args);
  });
  try {
    expect(await h.tickets.handOver(held._id.toString(), sup, leaving._id.toString())).toEqual({ ok: false, reason: 'target_inactive' });
  } finally {
    spy.mockRestore();
  }
  // Nothing stays with the account nobody uses: both are Kamande's again, as they were.
  expect(await statusOf(held)).toMatchObject({ status: 'assigned', assignee: kamande._id });
  expect(await statusOf(referral)).toMatchObject({ status: 'referred', assignee: kamande._id });
  expect(await h.store.reports.countAssignedTo(leaving._id)).toBe(0);
  expect((await h.store.reports.findAssignedTo(leaving._id))).toEqual([]);
});

it('two supervisors handing the same incident over at once: one wins, and every report keeps one holder', async () => {
  const kibet = await h.account('kibet', 'agent');
  const reports: ReportDoc[] = [];
  for (let i = 0; i < 4; i++) {
    await submit();
    const taken = await h.tickets.takeNext({ id: kibet._id.toString(), role: 'agent' });
    if (!taken.ok) throw new Error('not taken');
    reports.push(taken.report);
  }
  const sup = { id: (await h.store.agents.findByUsername('daudi'))!._id.toString(), role: 'supervisor' as const };
  expect((await h.incidents.join(reports[0]._id.toString(), sup, reports.slice(1).map((r) => r._id.toString()))).ok).toBe(true);
  const [x, y] = [await h.account('xavier', 'agent'), await h.account('yusuf', 'agent')];
  const held = { holder: kibet._id.toString() };
  const results = await Promise.all([x, y].map((to) => h.tickets.handOver(reports[0]._id.toString(), sup, to._id.toString(), held)));
  expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
  expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'changed' });
  const holders = new Set(await Promise.all(reports.map(async (r) => (await statusOf(r)).assignee?.toString())));
  expect(holders.size).toBe(1);
  expect([x._id.toString(), y._id.toString()]).toContain([...holders][0]);

  // Again, from two different members' pages: the claim is the incident's, not the page's ticket.
  const [v, w] = [await h.account('vera', 'agent'), await h.account('wairimu', 'agent')];
  const holder = { holder: [...holders][0]! };
  const again = await Promise.all([
    h.tickets.handOver(reports[3]._id.toString(), sup, v._id.toString(), holder),
    h.tickets.handOver(reports[1]._id.toString(), sup, w._id.toString(), holder),
  ]);
  expect(again.map((r) => r.ok).sort()).toEqual([false, true]);
  const after = new Set(await Promise.all(reports.map(async (r) => (await statusOf(r)).assignee?.toString())));
  expect(after.size).toBe(1);
  expect([v._id.toString(), w._id.toString()]).toContain([...after][0]);
});

it('a take undone by a deactivation drops only its own "taken" notice: an earlier take\'s, still owed, still reaches the reporter, once', async () => {
  const [wangari, barasa] = [await h.account('wangari', 'agent'), await h.account('barasa', 'agent')];
  const waiting = await submit();
  // Wangari's take is written but storing its "taken" notice fails (MongoDB): it stays owed for the outbox relay.
  const admin = h.store.models.Message.db.getClient().db('admin');
  const namespace = `${h.db.dbName}.${h.store.models.Message.collection.collectionName}`;
  // Every insert of a message fails while she takes (tickets other tests left may come first).
  await admin.command({ configureFailPoint: 'failCommand', mode: 'alwaysOn', data: { failCommands: ['insert'], errorCode: 50, namespace } });
  try {
    await takeUntilHeld(h, { id: wangari._id.toString(), role: 'agent' }, waiting._id);
  } finally {
    await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
  }
  expect((await h.store.reports.findById(waiting._id))?.noticesOwed?.map((n) => n.key)).toEqual(['notices:taken']);
  expect(await h.tickets.release(waiting._id.toString(), { id: wangari._id.toString(), role: 'agent' })).toEqual({ ok: true });
  // Before the relay comes, Barasa's take lands after his deactivation: it is undone.
  await h.store.agents.setActive(barasa._id, false);
  expect(await h.tickets.takeNext({ id: barasa._id.toString(), role: 'agent' })).toEqual({ ok: false, reason: 'inactive' });
  await new OutboxRelay({ store: h.store, reports: h.reports, tickets: h.queues.tickets, replies: h.queues.replies, logger: h.logger, graceMs: 0 }).runOnce();
  // Wangari did take it: the reporter is told so once; Barasa's undone take tells them nothing.
  expect((await h.store.messages.listForReport(waiting._id)).filter((m) => m.notice?.key === 'notices:taken')).toHaveLength(1);
  expect((await h.store.reports.findById(waiting._id))?.noticesOwed ?? []).toEqual([]);
});

it('leaves an account as it is when the form says neither active nor inactive: only a yes or a no changes it', async () => {
  const odhiambo = await h.account('odhiambo', 'agent');
  const admin = h.browser();
  await admin.signIn('amina');
  const odd = await admin.post(`/admin/agents/${odhiambo._id.toString()}/active`, { active: 'maybe' });
  expect(odd.headers.location).toBe('/admin/agents?err=refused_invalid');
  expect((await admin.get(odd.headers.location!)).body).toContain('That choice is not on the form. Reload the page and choose again.');
  expect((await h.store.agents.findById(odhiambo._id))?.active).not.toBe(false);
  // The agent is still signed in and working.
  const desk = h.browser();
  await desk.signIn('odhiambo');
  expect((await desk.get('/queue')).statusCode).toBe(200);
});
