/**
 * The supervisor's "Hand over to" list and the per-agent cap, over HTTP on the real tickets graph:
 * the list shows only people the hand-over would accept, each with the number the cap counts
 * (the same number a take checks), and the hand-over itself keeps to the cap.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import type { AgentDoc, ReportDoc } from '../../../src/store';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-hand-over-cap', env: { MAX_TICKETS_PER_AGENT: '2' } });
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

const ref = (a: AgentDoc) => ({ id: a._id.toString(), role: 'agent' as const });

/** Takes the next waiting ticket for `a`: the one submitted just before. */
async function takes(a: AgentDoc): Promise<ReportDoc> {
  const taken = await h.tickets.takeNext(ref(a));
  if (!taken.ok) throw new Error(`not taken: ${taken.reason}`);
  return taken.report;
}

/** The hand-over list's options as shown: "name: n of max tickets (username)", by account id. */
function options(page: string): Map<string, string> {
  const form = /<form[^>]*id="handover-form"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
  return new Map([...form.matchAll(/<option value="([0-9a-f]{24})"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]));
}

it('lists only people with room for the ticket, counted as the cap counts; handing to someone full is refused; a referral goes to anyone', async () => {
  const [holder, full, roomy] = [await h.account('wekesa', 'agent'), await h.account('atieno', 'agent'), await h.account('kiprono', 'agent')];
  // Atieno holds two tickets: the cap of 2. Kiprono holds one and a referral, which waits on an
  // agency and is not counted. Wekesa holds the ticket to hand over, and a referral.
  for (const a of [full, full, roomy, roomy, holder, holder]) {
    await submit();
    await takes(a);
  }
  const [roomyReferral] = (await h.store.reports.findAssignedTo(roomy._id)).slice(-1);
  expect(await h.tickets.refer(roomyReferral._id.toString(), ref(roomy), 'IPOA')).toEqual({ ok: true });
  const [ticket, holderReferral] = await h.store.reports.findAssignedTo(holder._id);
  expect(await h.tickets.refer(holderReferral._id.toString(), ref(holder), 'IPOA')).toEqual({ ok: true });

  const sup = h.browser();
  await sup.signIn('daudi');
  const listed = options((await sup.get(`/tickets/${ticket._id.toString()}`)).body);
  // Atieno has no room: not offered. Kiprono holds 1 of 2 (his referral not counted), and the
  // supervisors and admins, who may hold tickets too, hold none. The holder is never offered.
  expect(listed.has(full._id.toString())).toBe(false);
  expect(listed.has(holder._id.toString())).toBe(false);
  expect(listed.get(roomy._id.toString())).toMatch(/: 1 of 2 tickets \(kiprono\)$/);
  expect(listed.get((await h.store.agents.findByUsername('amina'))!._id.toString())).toMatch(/: 0 of 2 tickets \(amina\)$/);

  // Handing it to Atieno anyway (a page drawn before she took her second) is refused, and says why.
  const refused = await sup.post(`/tickets/${ticket._id.toString()}/handover`, { to: full._id.toString(), held: holder._id.toString() });
  expect(refused.headers.location).toContain('err=refused_limit');
  expect((await sup.get(refused.headers.location!)).body).toContain('That person already holds the most tickets allowed, so the ticket was not handed over.');
  expect((await h.store.reports.findById(ticket._id))!.assignee?.toString()).toBe(holder._id.toString());

  // The number shown is the one the cap checks: Kiprono, "1 of 2", can take exactly one more.
  await submit();
  await takes(roomy);
  await submit();
  expect(await h.tickets.takeNext(ref(roomy))).toEqual({ ok: false, reason: 'limit' });
  expect(options((await sup.get(`/tickets/${ticket._id.toString()}`)).body).has(roomy._id.toString())).toBe(false);

  // A referral adds nothing the cap counts: it may go to Atieno, who is full.
  const referralPage = options((await sup.get(`/tickets/${holderReferral._id.toString()}`)).body);
  expect(referralPage.get(full._id.toString())).toMatch(/: 2 of 2 tickets \(atieno\)$/);
  const handed = await sup.post(`/tickets/${holderReferral._id.toString()}/handover`, { to: full._id.toString(), held: holder._id.toString() });
  expect(handed.headers.location).toContain('ok=handed_over');
});

it('says so when nobody has room, instead of offering a list every choice of which would be refused', async () => {
  const holder = await h.account('onyango', 'agent');
  await h.account('nafula', 'agent');
  // Everyone else at the cap: the supervisor and the admin too, who may hold tickets as agents do.
  const everyoneElse = (await h.store.agents.list()).filter((a) => a.active && !a._id.equals(holder._id));
  for (const a of everyoneElse) {
    while ((await h.store.reports.countAssignedTo(a._id)) < 2) {
      await submit();
      await takes(a);
    }
  }
  await submit();
  const ticket = await takes(holder);
  const sup = h.browser();
  await sup.signIn('daudi');
  const page = (await sup.get(`/tickets/${ticket._id.toString()}`)).body;
  expect(page).not.toContain('id="handover-form"');
  expect(page).toContain('Hand over: nobody else has room for this ticket under the limit of 2.');
});
