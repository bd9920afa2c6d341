/**
 * The console's gates over HTTP (fastify inject) on the real tickets graph: sign-in and lock-out,
 * sessions, roles, CSRF, who may see a reporter's identity, and the identity-free CSV.
 */
import { createHash } from 'node:crypto';
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import type { AgentDoc, ReportDoc } from '../../../src/store';
import { createConsole } from '../../../src/console';
import { createRedis, closeRedis } from '../../../src/redis';
import { VIEW_AGAIN_AFTER_MS } from '../../../src/services/ticket-actions';

let h: ConsoleHarness;
let admin: AgentDoc;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-access', env: { MAX_TICKETS_PER_AGENT: '2' } });
  admin = await h.account('amina', 'admin');
  await h.account('baraka', 'agent');
  await h.account('chebet', 'agent');
  await h.account('daudi', 'supervisor');
});

afterAll(async () => {
  await h?.close();
});

async function submit(opts: { anonymous?: boolean; category?: 'p_bribery' | 'e_violence'; text?: string; phone?: string } = {}): Promise<ReportDoc> {
  const who = await reporter(h.store);
  if (opts.phone) await h.store.reporters.setPhone(who._id, opts.phone);
  const input = reportInput(who._id, { category: opts.category });
  const { report } = await h.reports.submit({ ...input, anonymous: opts.anonymous ?? false, description: { text: opts.text ?? input.description.text } });
  return report;
}

describe('probes', () => {
  it('answers /healthz, /readyz (MongoDB and Redis reachable) and /metrics without a session', async () => {
    const b = h.browser();
    expect((await b.get('/healthz')).statusCode).toBe(200);
    const ready = await b.get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ok: true, mongo: true, redis: true });
    const metrics = await b.get('/metrics');
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('ripoti_updates_handled_total');
  });
});

describe('signing in', () => {
  it('says on the sign-in page that a session ended (and that a ticket\'s typing is kept), never on a plain visit', async () => {
    const ENDED = 'Your session has ended. Sign in again to carry on where you were.';
    const ENDED_TICKET = 'Your session has ended. Sign in again to go back to the ticket: what you were typing there is kept.';
    const first = h.browser();
    for (const url of ['/signin', '/signin?next=%2Fqueue', `/signin?next=${encodeURIComponent('/tickets/64b7f0c2a1b2c3d4e5f60718')}`]) {
      const page = await first.get(url);
      expect(page.body).not.toContain(ENDED);
      expect(page.body).not.toContain('Your session has ended');
    }
    // Signed in, then the session ends (ran out, or signed out elsewhere) with its cookie still in the browser.
    const b = h.browser();
    await b.signIn('chebet');
    await h.store.agents['models'].ConsoleSession.deleteMany({ agentId: (await h.store.agents.findByUsername('chebet'))!._id });
    const ticket = '/tickets/64b7f0c2a1b2c3d4e5f60718';
    const fromTicket = await b.get(ticket);
    expect(fromTicket.headers.location!).toBe(`/signin?next=${encodeURIComponent(ticket)}&ended=1`);
    expect((await b.get(fromTicket.headers.location!)).body).toContain(ENDED_TICKET);
    const fromQueue = await b.get('/queue');
    expect(fromQueue.headers.location!).toBe('/signin?next=%2Fqueue&ended=1');
    const queuePage = (await b.get(fromQueue.headers.location!)).body;
    expect(queuePage).toContain(ENDED);
    expect(queuePage).not.toContain(ENDED_TICKET);
    // In Swahili for an agent who chose it.
    b.cookies.set('ripoti_lang', 'sw');
    expect((await b.get(fromTicket.headers.location!)).body).toContain('Muda wako wa kuingia umekwisha. Ingia tena urudi kwenye tiketi: ulichokuwa ukiandika kimehifadhiwa.');
  });

  it('keeps the way back to the ticket, and the word that the session ended, across the language switch on the sign-in page', async () => {
    const ticket = '/tickets/64b7f0c2a1b2c3d4e5f60718';
    const b = h.browser();
    const page = await b.get(`/signin?next=${encodeURIComponent(ticket)}&ended=1`);
    const back = /name="back" value="([^"]*)"/.exec(page.body)?.[1].replace(/&amp;/g, '&');
    const switched = await b.post('/language', { lang: 'sw', back: back ?? '' });
    expect(switched.headers.location).toBe(`/signin?next=${encodeURIComponent(ticket)}&ended=1&chosen=1`);
    const inSwahili = await b.get(switched.headers.location!);
    expect(inSwahili.body).toContain('Ingia tena urudi kwenye tiketi');
    const signedIn = await b.post('/signin', { username: 'chebet', password: PASSWORD, next: /name="next" value="([^"]*)"/.exec(inSwahili.body)?.[1] ?? '' });
    expect(signedIn.headers.location).toBe(ticket);
  });

  it('keeps the word that the session ended, and that the ticket\'s typing is kept, after a wrong password', async () => {
    const ticket = '/tickets/64b7f0c2a1b2c3d4e5f60718';
    const b = h.browser();
    // What the sign-in form sends, as a browser would: its hidden fields with what was typed.
    const fields = (body: string) => {
      const form = /<form method="post" action="\/signin"[\s\S]*?<\/form>/.exec(body)![0];
      return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].filter((m) => m[1] !== '_csrf').map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
    };
    const page = await b.get(`/signin?next=${encodeURIComponent(ticket)}&ended=1`);
    const failed = await b.post('/signin', { ...fields(page.body), username: 'chebet', password: 'not her password' });
    expect(failed.statusCode).toBe(401);
    expect(failed.body).toContain('Your session has ended. Sign in again to go back to the ticket: what you were typing there is kept.');
    expect(failed.body).toMatch(/<div class="flash error" role="alert">[^<]+<\/div>/);
    // The language switch from the failed page keeps it too, and the right password goes on to the ticket.
    expect(/name="back" value="([^"]*)"/.exec(failed.body)?.[1].replace(/&amp;/g, '&')).toBe(`/signin?next=${encodeURIComponent(ticket)}&ended=1&chosen=1`);
    const signedIn = await b.post('/signin', { ...fields(failed.body), username: 'chebet', password: PASSWORD });
    expect(signedIn.headers.location).toBe(ticket);
    // A plain visit that fails says nothing about a session.
    const plain = h.browser();
    const plainFailed = await plain.post('/signin', { ...fields((await plain.get('/signin')).body), username: 'chebet', password: 'not her password' });
    expect(plainFailed.body).not.toContain('Your session has ended');
  });

  it('refuses every page without a session: pages redirect to sign-in, scripts get 401', async () => {
    const b = h.browser();
    const page = await b.get('/queue');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/signin?next=%2Fqueue');
    expect((await b.get('/queue/fragment', { accept: '*/*' })).statusCode).toBe(401);
    expect((await b.get('/supervisor/tickets.csv', { accept: 'text/csv' })).statusCode).toBe(401);
    expect((await b.get('/admin/queues', { accept: 'application/json' })).statusCode).toBe(401);
    const signin = await b.get('/signin');
    expect(signin.statusCode).toBe(200);
    expect(signin.body).toContain('name="password"');
  });

  it('signs in with a session cookie that is HttpOnly, SameSite=Strict and path /; the session id is not stored in clear', async () => {
    const b = h.browser();
    const res = await b.signIn('baraka');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/queue');
    const cookie = res.cookies.find((c) => c.name === 'ripoti_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const stored = await h.store.agents['models'].ConsoleSession.find({}).lean();
    expect(stored.map((s) => s._id)).not.toContain(cookie!.value);
    expect((await b.get('/queue')).statusCode).toBe(200);
  });

  it('gives the same answer for an unknown user and a wrong password, and locks the account after 5 failures', async () => {
    await h.account('erastus', 'agent');
    const unknown = h.browser();
    const u = await unknown.signIn('nobody-here', 'whatever-password');
    const b = h.browser();
    const first = await b.signIn('erastus', 'wrong password 1');
    expect(u.statusCode).toBe(401);
    expect(first.statusCode).toBe(401);
    const message = (body: string) => /<div class="flash error" role="alert">([^<]*)<\/div>/.exec(body)?.[1];
    expect(message(first.body)).toBeTruthy();
    expect(message(u.body)).toBe(message(first.body));

    for (let i = 2; i <= 5; i++) expect((await b.signIn('erastus', `wrong password ${i}`)).statusCode).toBe(401);
    // Locked: even the right password is refused, with the same message.
    const locked = await b.signIn('erastus', PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(message(locked.body)).toBe(message(first.body));
    expect((await h.store.agents.findByUsername('erastus'))!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    // When the lock has run out, the right password works again.
    await h.store.agents['models'].Agent.updateOne({ username: 'erastus' }, { $set: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await b.signIn('erastus', PASSWORD)).statusCode).toBe(303);
  });

  it('"sign out everywhere" ends every session of the account, and only that account', async () => {
    await h.account('faith', 'agent');
    const laptop = h.browser();
    const phone = h.browser();
    const other = h.browser();
    await laptop.signIn('faith');
    await phone.signIn('faith');
    await other.signIn('chebet');
    expect((await phone.post('/signout-everywhere')).statusCode).toBe(303);
    expect((await laptop.get('/queue')).statusCode).toBe(303);
    expect((await phone.get('/queue')).statusCode).toBe(303);
    expect((await other.get('/queue')).statusCode).toBe(200);
  });

  it('"sign out everywhere" whose clean-up fails still lands the agent signed out, logs it once, and lets no old session in', async () => {
    const gakii = await h.account('gakii', 'agent');
    const laptop = h.browser();
    const phone = h.browser();
    await laptop.signIn('gakii');
    await phone.signIn('gakii');
    // A session made before sessions carried the account's epoch (no `epoch`): only its deletion ends it.
    const oldToken = 'a-session-from-before-epochs-were-kept';
    const sessions = h.store.agents['models'].ConsoleSession;
    await sessions.create({ _id: createHash('sha256').update(oldToken).digest('hex'), agentId: gakii._id, csrf: 'x', expiresAt: new Date(Date.now() + 3_600_000), createdAt: new Date(Date.now() - 60_000) });
    const old = h.browser();
    old.cookies.set('ripoti_session', oldToken);
    expect((await old.get('/queue')).statusCode).toBe(200);

    const admin = h.store.models.Report.db.getClient().db('admin');
    const data = { failCommands: ['delete'], errorCode: 91, namespace: `${h.db.dbName}.${sessions.collection.collectionName}` };
    const logged: unknown[] = [];
    const spies = (['warn', 'error'] as const).map((level) => jest.spyOn(h.logger, level).mockImplementation(((obj: unknown) => void logged.push(obj)) as never));
    let out;
    try {
      await admin.command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data });
      out = await phone.post('/signout-everywhere');
    } finally {
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data });
      spies.forEach((s) => s.mockRestore());
    }
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/signin?ok=signed_out_everywhere');
    expect(out.headers['clear-site-data']).toBe('"cache", "storage"');
    expect(logged).toEqual([{ err: expect.any(Error) }]);
    for (const b of [phone, laptop, old]) expect((await b.get('/queue')).statusCode).toBe(303);
    expect(await h.store.agents.findSession(oldToken)).toBeNull();
  });

  // MongoDB gives up on the account's next write after the one the admin's change makes: the
  // change itself must already have ended every session (a stolen session must not outlive a
  // password reset or a deactivation because a second write failed).
  async function withSecondAgentWriteFailing<T>(run: () => Promise<T>): Promise<T> {
    const Agent = h.store.agents['models'].Agent;
    const adminDb = h.store.models.Report.db.getClient().db('admin');
    const data = { failCommands: ['update'], errorCode: 91, namespace: `${h.db.dbName}.${Agent.collection.collectionName}` };
    const original = Agent.updateOne.bind(Agent);
    let calls = 0;
    const spy = jest.spyOn(Agent, 'updateOne').mockImplementation(((...args: Parameters<typeof original>) => {
      calls += 1;
      if (calls !== 2) return original(...args);
      return adminDb.command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data }).then(() => original(...args));
    }) as never);
    const quiet = (['warn', 'error'] as const).map((level) => jest.spyOn(h.logger, level).mockImplementation((() => undefined) as never));
    try {
      return await run();
    } finally {
      spy.mockRestore();
      quiet.forEach((s) => s.mockRestore());
      await adminDb.command({ configureFailPoint: 'failCommand', mode: 'off', data });
    }
  }

  it('a password reset ends the old sessions in its own write: a stolen session is out even when MongoDB fails the next write', async () => {
    const hawa = await h.account('hawa', 'agent');
    const stolen = h.browser();
    await stolen.signIn('hawa');
    expect((await stolen.get('/queue')).statusCode).toBe(200);
    const a = h.browser();
    await a.signIn('amina');
    await withSecondAgentWriteFailing(() => a.post(`/admin/agents/${hawa._id.toString()}/password`, { password: 'a brand new password 789' }));
    expect((await stolen.get('/queue')).statusCode).toBe(303);
  });

  it('a deactivation ends the old sessions in its own write: reactivated later, a session from before stays out', async () => {
    const imani = await h.account('imani', 'agent');
    const stolen = h.browser();
    await stolen.signIn('imani');
    expect((await stolen.get('/queue')).statusCode).toBe(200);
    const a = h.browser();
    await a.signIn('amina');
    await withSecondAgentWriteFailing(() => a.post(`/admin/agents/${imani._id.toString()}/active`, { active: 'false' }));
    expect((await stolen.get('/queue')).statusCode).toBe(303);
    await a.post(`/admin/agents/${imani._id.toString()}/active`, { active: 'true' });
    expect((await stolen.get('/queue')).statusCode).toBe(303);
  });

  it('signing out ends this session', async () => {
    const b = h.browser();
    await b.signIn('chebet');
    const token = b.cookies.get('ripoti_session')!;
    const out = await b.post('/signout');
    expect(out.statusCode).toBe(303);
    // Reply drafts and cached pages are not left for the next person at this browser.
    expect(out.headers['clear-site-data']).toBe('"cache", "storage"');
    expect(await h.store.agents.findSession(token)).toBeNull();
  });
});

describe('roles', () => {
  it('keeps agents out of supervisor and admin pages, and supervisors out of admin pages', async () => {
    const agent = h.browser();
    await agent.signIn('baraka');
    const refused = await agent.get('/supervisor/tickets');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Not for your role');
    expect((await agent.get('/supervisor/tickets.csv')).statusCode).toBe(403);
    expect((await agent.get('/admin/agents')).statusCode).toBe(403);
    expect((await agent.get('/admin/queues')).statusCode).toBe(403);
    expect((await agent.post('/admin/agents', { username: 'mallory', name: 'M', role: 'admin', password: 'long enough password' })).statusCode).toBe(403);
    expect(await h.store.agents.findByUsername('mallory')).toBeNull();

    const sup = h.browser();
    await sup.signIn('daudi');
    expect((await sup.get('/supervisor/tickets')).statusCode).toBe(200);
    expect((await sup.get('/admin/queues')).statusCode).toBe(200);
    expect((await sup.get('/admin/agents')).statusCode).toBe(403);
  });

  it('lets an admin create an account, reset its password and deactivate it (which signs it out)', async () => {
    const a = h.browser();
    await a.signIn('amina');
    const created = await a.post('/admin/agents', { username: 'Grace', name: 'Grace N.', role: 'agent', password: 'first password 123' });
    expect(created.headers.location).toBe('/admin/agents?ok=account_created');
    const grace = h.browser();
    expect((await grace.signIn('grace', 'first password 123')).statusCode).toBe(303);

    const id = (await h.store.agents.findByUsername('grace'))!._id.toString();
    await a.post(`/admin/agents/${id}/password`, { password: 'second password 456' });
    expect((await grace.get('/queue')).statusCode).toBe(303); // reset ends her sessions
    expect((await grace.signIn('grace', 'second password 456')).statusCode).toBe(303);

    await a.post(`/admin/agents/${id}/active`, { active: 'false' });
    expect((await grace.get('/queue')).statusCode).toBe(303);
    expect((await grace.signIn('grace', 'second password 456')).statusCode).toBe(401);
    // An admin cannot lock themselves out by accident.
    expect((await a.post(`/admin/agents/${admin._id.toString()}/active`, { active: 'false' })).headers.location).toBe('/admin/agents?err=cannot_deactivate_self');
  });
  it("does not reset an admin's own password from the accounts page (that signed them out and skipped their current password): it points to their account page", async () => {
    const a = h.browser();
    await a.signIn('amina');
    const own = admin._id.toString();
    const page = await a.get('/admin/agents');
    expect(page.body).not.toContain(`action="/admin/agents/${own}/password"`);
    expect(page.body).toMatch(/<a href="\/account" data-testid="own-password">Change yours on your account page<\/a>/);
    const refused = await a.post(`/admin/agents/${own}/password`, { password: 'a password nobody asked for' });
    expect(refused.headers.location).toBe('/admin/agents?err=cannot_reset_self');
    const back = await a.get(refused.headers.location!);
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain('Change your own password on your account page: it asks for your current one.');
    expect((await h.browser().signIn('amina')).statusCode).toBe(303);
  });
});

describe('CSRF', () => {
  it('refuses a form without its token (sign-in, take, note, sign-out) and accepts it with the token', async () => {
    const fresh = h.browser();
    await fresh.get('/signin');
    expect((await fresh.post('/signin', { username: 'baraka', password: PASSWORD }, { csrf: false })).statusCode).toBe(403);

    const b = h.browser();
    await b.signIn('chebet');
    const report = await submit();
    const expired = await b.post('/queue/take', {}, { csrf: false });
    expect(expired.statusCode).toBe(403);
    expect(expired.body).toContain('This form has expired');
    expect((await b.post('/queue/take', {}, { csrf: 'forged-token-forged-token-forged-token-1234' })).statusCode).toBe(403);
    expect((await h.store.reports.findById(report._id))!.status).toBe('received');

    const took = await b.post('/queue/take');
    expect(took.statusCode).toBe(303);
    const id = took.headers.location!.split('/').pop()!;
    await b.get(`/tickets/${id}`);

    expect((await b.post(`/tickets/${id}/note`, { text: 'Called the OCS' }, { csrf: false })).statusCode).toBe(403);
    expect((await b.post(`/tickets/${id}/reply`, { text: 'Hello' }, { csrf: false, headers: { 'x-requested-with': 'fetch' } })).statusCode).toBe(403);
    const notes = async () => (await h.store.reports.history(id)).filter((e) => e.type === 'note').length;
    expect(await notes()).toBe(0);
    // The token also works as a header, as the ticket page's script sends it.
    const viaHeader = await b.post(`/tickets/${id}/note`, { text: 'Called the OCS' }, { csrf: false, headers: { 'x-csrf-token': b.csrf } });
    expect(viaHeader.statusCode).toBe(303);
    expect(await notes()).toBe(1);

    expect((await b.post('/signout', {}, { csrf: false })).statusCode).toBe(403);
    expect((await b.get('/queue')).statusCode).toBe(200);
    await b.post(`/tickets/${id}/status`, { status: 'resolved' });
  });
});

describe('a supervisor acting on a ticket', () => {
  it('is refused, not applied to another agent\'s take, when the ticket changed hands since their page was drawn', async () => {
    const report = await submit();
    const id = report._id.toString();
    const holder = h.browser();
    await holder.signIn('baraka');
    expect((await holder.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
    const sup = h.browser();
    await sup.signIn('daudi');
    const page = await sup.get(`/tickets/${id}`);
    // Every action form carries who held the ticket on this page.
    const held = [...page.body.matchAll(/name="held" value="([0-9a-f]*)"/g)].map((m) => m[1]);
    expect(held).toHaveLength(4);
    expect(new Set(held)).toEqual(new Set([(await h.store.agents.findByUsername('baraka'))!._id.toString()]));
    // Baraka releases it and Chebet takes it; the supervisor's page still shows Baraka.
    await holder.post(`/tickets/${id}/release`);
    const other = h.browser();
    await other.signIn('chebet');
    expect((await other.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
    expect((await sup.post(`/tickets/${id}/status`, { status: 'resolved', held: held[0] })).headers.location).toBe(`/tickets/${id}?err=refused_changed`);
    expect((await sup.post(`/tickets/${id}/release`, { held: held[0] })).headers.location).toBe(`/tickets/${id}?err=refused_changed`);
    // Handing it over from that page would take it from Chebet, who took it meanwhile.
    const daudiSelf = (await h.store.agents.findByUsername('daudi'))!._id.toString();
    expect((await sup.post(`/tickets/${id}/handover`, { to: daudiSelf, held: held[0] })).headers.location).toBe(`/tickets/${id}?err=refused_changed`);
    const now = await h.store.reports.findById(id);
    expect(now?.status).toBe('assigned');
    expect(String(now?.assignee)).toBe((await h.store.agents.findByUsername('chebet'))!._id.toString());
    // Drawn again, the page shows Chebet, and its form goes through.
    const fresh = /name="held" value="([0-9a-f]*)"/.exec((await sup.get(`/tickets/${id}`)).body)![1];
    expect((await sup.post(`/tickets/${id}/status`, { status: 'resolved', held: fresh })).headers.location).toBe(`/tickets/${id}?ok=status_changed`);
  });
});

describe('reporter identity', () => {
  it('is shown to the agent holding the ticket and to supervisors, never to other agents', async () => {
    const report = await submit({ phone: '+254712345678' });
    const holder = h.browser();
    await holder.signIn('baraka');
    const took = await holder.post('/queue/take');
    expect(took.headers.location).toBe(`/tickets/${report._id.toString()}`);
    const page = await holder.get(took.headers.location!);
    expect(page.body).toContain('Wanjiru');
    expect(page.body).toContain('+254712345678');

    const sup = h.browser();
    await sup.signIn('daudi');
    expect((await sup.get(`/tickets/${report._id.toString()}`)).body).toContain('+254712345678');

    const other = h.browser();
    await other.signIn('chebet');
    const refused = await other.get(`/tickets/${report._id.toString()}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('Wanjiru');
    expect((await other.get(`/tickets/${report._id.toString()}/conversation`)).statusCode).toBe(403);
    await holder.post(`/tickets/${report._id.toString()}/release`);
  });

  it('is hidden from everyone on an anonymous report, supervisors and admins included', async () => {
    const report = await submit({ anonymous: true, phone: '+254700111222' });
    for (const who of ['daudi', 'amina']) {
      const b = h.browser();
      await b.signIn(who);
      const page = await b.get(`/tickets/${report._id.toString()}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(report.reference);
      expect(page.body).toContain('Anonymous report');
      expect(page.body).not.toContain('Wanjiru');
      expect(page.body).not.toContain('+254700111222');
    }
  });

  it('every view of a ticket is in its audit trail', async () => {
    const report = await submit();
    const b = h.browser();
    await b.signIn('daudi');
    await b.get(`/tickets/${report._id.toString()}`);
    const views = (await h.store.reports.history(report._id)).filter((e) => e.type === 'viewed');
    expect(views).toHaveLength(1);
    expect(String(views[0].actor.agentId)).toBe((await h.store.agents.findByUsername('daudi'))!._id.toString());
  });

  it('a first look is in the audit trail whatever the browser says it is; its refreshes are not', async () => {
    const report = await submit();
    const id = report._id.toString();
    const viewsBy = async (who: string) => {
      const agentId = (await h.store.agents.findByUsername(who))!._id.toString();
      return (await h.store.reports.history(report._id)).filter((e) => e.type === 'viewed' && String(e.actor.agentId) === agentId).length;
    };
    const sup = h.browser();
    await sup.signIn('daudi');
    // Sent as if it were the open page's own refresh, on a first visit.
    expect((await sup.get(`/tickets/${id}`, { 'x-ripoti-refresh': '1' })).statusCode).toBe(200);
    expect(await viewsBy('daudi')).toBe(1);
    await sup.get(`/tickets/${id}`, { 'x-ripoti-refresh': '1' });
    expect(await viewsBy('daudi')).toBe(1);
    // The conversation alone, fetched directly, is a look too.
    const admin = h.browser();
    await admin.signIn('amina');
    expect((await admin.get(`/tickets/${id}/conversation`)).statusCode).toBe(200);
    expect(await viewsBy('amina')).toBe(1);
    // So are the notes and history alone.
    await h.account('halima', 'supervisor');
    const other = h.browser();
    await other.signIn('halima');
    expect((await other.get(`/tickets/${id}/activity`)).statusCode).toBe(200);
    expect(await viewsBy('halima')).toBe(1);
  });

  it('a return to an open page later is a new look in the audit trail, not hidden behind the first', async () => {
    const report = await submit();
    const id = report._id.toString();
    const sup = h.browser();
    await sup.signIn('daudi');
    await sup.get(`/tickets/${id}`);
    // The first look was more than half an hour ago; the page stayed open and keeps reading.
    const events = h.store.models.ReportEvent;
    await events.updateMany({ reportId: report._id }, { $set: { at: new Date(Date.now() - VIEW_AGAIN_AFTER_MS - 60_000) } });
    for (const path of [`/tickets/${id}/conversation`, `/tickets/${id}/activity`]) expect((await sup.get(path, { 'x-ripoti-refresh': '1' })).statusCode).toBe(200);
    await sup.get(`/tickets/${id}`, { 'x-ripoti-refresh': '1' });
    const views = (await h.store.reports.history(report._id)).filter((e) => e.type === 'viewed');
    // The first look, and one for the return: its refreshes straight after are not written again.
    expect(views).toHaveLength(2);
    expect(Date.now() - views[1].at.getTime()).toBeLessThan(VIEW_AGAIN_AFTER_MS);
    // And the trail as read at the console shows both looks.
    const trail = (await sup.get(`/tickets/${id}/activity`, { 'x-ripoti-refresh': '1' })).body;
    expect(trail.match(/<span>Viewed /g) ?? []).toHaveLength(2);
  });
});

describe('supervisor list and CSV', () => {
  it('exports the filtered tickets without any reporter identity or story text', async () => {
    const police = await submit({ phone: '+254711000999', text: 'My name is Kamau and the officer took my phone' });
    const election = await submit({ category: 'e_violence' });
    const b = h.browser();
    await b.signIn('daudi');
    const csv = await b.get('/supervisor/tickets.csv', { accept: 'text/csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="ripoti-tickets-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'reference,created_at,kind,category,priority,status,county,incident_at,incident_time_known,danger_now,evidence_items,assignee,referred_to,closed_at,' +
        'reporter_role,officer_names,service_numbers,officer_rank,police_unit,police_station,vehicle_plates,vehicle_description,officer_attire,officer_attire_words,' +
        'perpetrator,hate_channel,polling_station,polling_station_code,constituency,ward,injured,medical_record,' +
        // Added later, so it goes last: spreadsheets built on the columns before it still read them in place.
        'referred_to_name',
    );
    expect(csv.body).toContain(police.reference);
    expect(csv.body).toContain(election.reference);
    for (const secret of ['Wanjiru', '+254711000999', 'Kamau', 'officer took', 'Kencom stage']) expect(csv.body).not.toContain(secret);

    const filtered = await b.get('/supervisor/tickets.csv?category=e_violence', { accept: 'text/csv' });
    expect(filtered.body).toContain(election.reference);
    expect(filtered.body).not.toContain(police.reference);
  });

  it("names the export after Kenya's day: at 22:30 UTC it is already tomorrow in Nairobi", async () => {
    const b = h.browser();
    const late = new Date();
    late.setUTCHours(22, 30, 0, 0);
    // Only the clock is faked: the server, Redis and MongoDB keep their real timers.
    jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'], now: late });
    try {
      // Signed in at that hour too: run before 10:30 UTC, a session begun at the real time had ended
      // (12 hours) by the faked one, and the export answered with the sign-in page.
      await b.signIn('daudi');
      const csv = await b.get('/supervisor/tickets.csv', { accept: 'text/csv' });
      const nairobi = new Date(late.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="ripoti-tickets-${nairobi}.csv"`);
    } finally {
      jest.useRealTimers();
    }
  });

  it('exports the details for the agency, anonymous reports included, and still no identity', async () => {
    const who = await reporter(h.store);
    await h.store.reporters.setPhone(who._id, '+254722333444');
    const police = (
      await h.reports.submit({
        ...reportInput(who._id),
        anonymous: true,
        reporterRole: 'witness',
        officers: { names: 'Cpl Otieno, Sgt Wanjala', serviceNumbers: ['84512', '90011'], rank: 'Corporal', unit: 'gsu', station: 'Kilimani Police Station call me +254 722 333 444', vehiclePlates: ['KDA 123A', 'GK 456B'], attire: 'plain', uniform: 'black jackets, no badges' },
      })
    ).report;
    const election = (
      await h.reports.submit({
        ...reportInput(who._id, { category: 'e_violence' }),
        anonymous: false,
        reporterRole: 'victim',
        perpetrator: { kind: 'agents', words: 'Mheshimiwa Otieno youths' },
        pollingStation: { name: 'Kondele Primary School', code: '04224011' },
        constituency: { code: 240, name: 'Kisumu Central' },
        ward: { code: 1199, name: 'Kondele' },
        injuries: { hurt: 'untreated', record: 'not_yet' },
      })
    ).report;
    // A number typed at the polling station question is read as its code: it does not travel either.
    const typedAtStation = (
      await h.reports.submit({ ...reportInput(who._id, { category: 'e_violence' }), anonymous: true, pollingStation: { name: 'Kondele Primary nipigie', code: '0722333444' } })
    ).report;
    const b = h.browser();
    await b.signIn('daudi');
    const csv = await b.get('/supervisor/tickets.csv', { accept: 'text/csv' });
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    const head = lines[0].split(',');
    // Cells here hold no commas except where quoted: a small parser that honours quotes.
    const cells = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, head.length).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
    const row = (reference: string) => Object.fromEntries(cells(lines.find((l) => l.startsWith(reference))!).map((v, i) => [head[i], v]));
    expect(row(police.reference)).toMatchObject({
      reporter_role: 'witness', officer_names: 'Cpl Otieno, Sgt Wanjala', service_numbers: '84512; 90011', officer_rank: 'Corporal', police_unit: 'gsu',
      // A number typed into an answer does not reach the spreadsheet.
      police_station: 'Kilimani Police Station call me [phone removed]', vehicle_plates: 'KDA 123A; GK 456B', officer_attire: 'plain', officer_attire_words: 'black jackets, no badges',
      polling_station: '', constituency: '', ward: '', injured: '', medical_record: '',
    });
    expect(row(election.reference)).toMatchObject({
      reporter_role: 'victim', officer_names: '', vehicle_plates: '', officer_attire: '', perpetrator: 'agents', hate_channel: '',
      polling_station: 'Kondele Primary School', polling_station_code: '04224011', constituency: 'Kisumu Central', ward: 'Kondele',
      // Election violence asks about injuries: the codes, for counts by county.
      injured: 'untreated', medical_record: 'not_yet',
    });
    expect(row(typedAtStation.reference)).toMatchObject({ polling_station: 'Kondele Primary nipigie', polling_station_code: '[phone removed]' });
    // Who did it goes as its code; the reporter's words can name a person.
    for (const secret of ['Wanjiru', '+254722333444', '722333444', 'Mheshimiwa Otieno']) expect(csv.body).not.toContain(secret);
  });

  it('keeps an email address typed into an answer out of the spreadsheet, as a phone number is', async () => {
    const who = await reporter(h.store);
    const typed = (
      await h.reports.submit({
        ...reportInput(who._id),
        anonymous: true,
        reporterRole: 'witness',
        officers: { names: 'Cpl Otieno', serviceNumbers: [], station: 'Kilimani, write to me at wanjiru.k88@gmail.com', vehiclePlates: [], attire: 'plain', uniform: 'black jackets; mail Wanjiru.K88@Gmail.com' },
      })
    ).report;
    const b = h.browser();
    await b.signIn('daudi');
    const csv = await b.get('/supervisor/tickets.csv', { accept: 'text/csv' });
    const line = csv.body.split('\r\n').find((l) => l.startsWith(typed.reference));
    expect(line).toContain('Kilimani, write to me at [email removed]');
    expect(line).toContain('black jackets; mail [email removed]');
    expect(csv.body).not.toMatch(/k88@/i);
  });

  it('exports the name typed for "another agency" in the last column, phone numbers blanked, never as a formula', async () => {
    const b = h.browser();
    await b.signIn('daudi');
    const daudi = (await h.store.agents.findByUsername('daudi'))!._id.toString();
    // Each ticket held by the supervisor (as taken from the queue), then referred from its page.
    const refer = async (agency: string, other: string) => {
      const report = await submit();
      const id = report._id.toString();
      expect(await h.store.reports.transition(id, 'assigned', { kind: 'agent', agentId: daudi }, { assignee: daudi })).not.toBeNull();
      expect((await b.post(`/tickets/${id}/refer`, { agency, note: '', other })).headers.location).toBe(`/tickets/${id}?ok=referred`);
      return report.reference;
    };
    const named = await refer('OTHER', 'Kituo cha Sheria, ask for Otieno 0722 111 222');
    const formula = await refer('OTHER', '=HYPERLINK("http://x.example","Kituo")');
    const listed = await refer('IPOA', 'Kenya Red Cross');
    const csv = await b.get('/supervisor/tickets.csv', { accept: 'text/csv' });
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    const head = lines[0].split(',');
    // The name came after the first spreadsheets were built: it is the last column, the earlier ones where they were.
    expect(head.slice(head.indexOf('referred_to'), head.indexOf('referred_to') + 2)).toEqual(['referred_to', 'closed_at']);
    expect(head.at(-1)).toBe('referred_to_name');
    const cells = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, head.length).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
    const row = (reference: string) => Object.fromEntries(cells(lines.find((l) => l.startsWith(reference))!).map((v, i) => [head[i], v]));
    // The agency's name is typed text: a number in it (the agent's contact there, or the reporter's) does not travel.
    expect(row(named)).toMatchObject({ referred_to: 'OTHER', referred_to_name: 'Kituo cha Sheria, ask for Otieno [phone removed]' });
    expect(csv.body).not.toContain('722 111 222');
    // A spreadsheet reads it as text, not a formula.
    expect(row(formula)).toMatchObject({ referred_to: 'OTHER', referred_to_name: `'=HYPERLINK("http://x.example","Kituo")` });
    // An agency on the list is its code alone.
    expect(row(listed)).toMatchObject({ referred_to: 'IPOA', referred_to_name: '' });
  });

  it('searches by reference or story words, treating the search text literally', async () => {
    const r = await submit({ text: 'Tear gas at the tallying centre (Kasarani) around 9.30' });
    const b = h.browser();
    await b.signIn('daudi');
    expect((await b.get(`/supervisor/tickets?q=${encodeURIComponent(r.reference.toLowerCase())}`)).body).toContain(r.reference);
    expect((await b.get(`/supervisor/tickets?q=${encodeURIComponent('(Kasarani)')}`)).body).toContain(r.reference);
    const regexy = await b.get(`/supervisor/tickets?q=${encodeURIComponent('9.3.')}`);
    expect(regexy.statusCode).toBe(200);
    expect(regexy.body).not.toContain(r.reference);
    expect((await b.get(`/supervisor/tickets?q=${encodeURIComponent('.*[(')}`)).statusCode).toBe(200);
    // A channel's post the reporter forwarded, and the channel's name, find its ticket too.
    const who = await reporter(h.store);
    const { report: forwarded } = await h.reports.submit({ ...reportInput(who._id), passedOn: [{ text: 'All outsiders must leave Kondele before Tuesday', from: 'Kondele Youth Voice' }] });
    expect((await b.get(`/supervisor/tickets?q=${encodeURIComponent('outsiders must leave')}`)).body).toContain(forwarded.reference);
    expect((await b.get(`/supervisor/tickets?q=${encodeURIComponent('kondele youth')}`)).body).toContain(forwarded.reference);
    // The place is searched too.
    const { report: placed } = await h.reports.submit({ ...reportInput(who._id), place: 'Kasarani roadblock, Thika Road' });
    expect((await b.get(`/supervisor/tickets?q=${encodeURIComponent('thika road')}`)).body).toContain(placed.reference);
    // A period typed backwards is the same period; a page past the end shows the last one.
    const day = (offset: number) => new Date(Date.now() + 3 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const backwards = await b.get(`/supervisor/tickets?q=${placed.reference}&from=${day(1)}&to=${day(-1)}`);
    expect(backwards.body).toContain(placed.reference);
    // The boxes show the period day first, as Kenyan staff write it (05/12/2026), not as the link has it.
    expect(backwards.body).toContain(`name="from" value="${day(-1).split('-').reverse().join('/')}"`);
    expect((await b.get(`/supervisor/tickets?q=${placed.reference}&page=5`)).body).toContain(placed.reference);
    const page = await b.get('/supervisor/tickets?kind=election&county=47');
    expect(page.body).toContain('By county');
    expect(page.body).toContain('<svg');
  });
});

describe('language', () => {
  it('switches the console to Swahili for the account', async () => {
    const b = h.browser();
    await b.signIn('chebet');
    await b.post('/language', { lang: 'sw', back: '/queue' });
    const page = await b.get('/queue');
    expect(page.body).toContain('Chukua tiketi inayofuata');
    expect((await h.store.agents.findByUsername('chebet'))!.language).toBe('sw');
    await b.post('/language', { lang: 'en', back: '/queue' });
  });

  it('comes back from the language switch to the same list with its filters, without the last message', async () => {
    const b = h.browser();
    await b.signIn('daudi');
    const list = await b.get('/supervisor/tickets?county=47&status=received&ok=saved_created');
    const back = /<input type="hidden" name="back" value="([^"]*)">/.exec(list.body)?.[1];
    expect(back).toBe('/supervisor/tickets?county=47&amp;status=received');
    const switched = await b.post('/language', { lang: 'sw', back: '/supervisor/tickets?county=47&status=received' });
    expect(switched.headers.location).toBe('/supervisor/tickets?county=47&status=received');
    await b.post('/language', { lang: 'en', back: '/queue' });
  });
});

describe('readiness', () => {
  it('answers 503 on /readyz when Redis is unreachable', async () => {
    const dead = createRedis('redis://127.0.0.1:1', 'producer', { retryStrategy: () => null, lazyConnect: true });
    dead.on('error', () => undefined);
    const other = createConsole({ config: h.config, logger: h.logger, store: h.store, translator: h.translator, events: h.bus, tickets: h.tickets, metrics: h.metrics, redis: dead, mountBoard: async () => undefined });
    await other.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const res = await fetch(`http://127.0.0.1:${(other.app.server.address() as { port: number }).port}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, mongo: true, redis: false });
    } finally {
      await other.app.close();
      await closeRedis(dead);
    }
  });
});

describe('route schemas', () => {
  it('checks who is asking before reading what was sent: a stranger gets 401, never a validation answer', async () => {
    const stranger = h.browser();
    await stranger.get('/signin');
    const bad = await stranger.post('/tickets/not-an-id/note', { text: 'x' }, { headers: { 'x-requested-with': 'fetch' } });
    expect(bad.statusCode).toBe(401);
    const json = await fetch(`${h.base}/admin/agents/nope/active`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(json.status).toBe(401);
  });

  it('treats a path id that is not an id as a missing page, and odd form values as an empty form', async () => {
    const b = h.browser();
    await b.signIn('daudi');
    const page = await b.get('/tickets/not-an-id');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This page or ticket does not exist');
    expect((await b.get('/tickets/0123456789abcdef01234567/evidence/-1')).statusCode).toBe(404);
    const report = await submit();
    const id = report._id.toString();
    // A JSON body whose fields are not text: read as an empty form, answered with the form's own message.
    const odd = await fetch(`${h.base}/tickets/${id}/note`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': b.csrf, 'x-requested-with': 'fetch', cookie: [...b.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ') },
      body: JSON.stringify({ text: { $gt: '' } }),
    });
    expect(odd.status).toBe(409);
    expect(await odd.json()).toEqual({ ok: false, message: 'Write the note first.' });
    expect((await b.post(`/tickets/${id}/status`, { status: 'assigned' })).headers.location).toBe(`/tickets/${id}?err=choose_status`);
    expect((await b.post(`/tickets/${id}/refer`, { agency: 'NASA' })).headers.location).toBe(`/tickets/${id}?err=choose_agency`);
  });

  it('a reply posted twice from the same draft (the first answer lost) is stored once', async () => {
    const report = await submit();
    const id = report._id.toString();
    // A supervisor, who may answer a waiting ticket (agents take theirs from the queue in order).
    const b = h.browser();
    await b.signIn('daudi');
    const page = await b.get(`/tickets/${id}`);
    expect(page.body).toContain('id="reply-key"');
    const form = { text: 'We have passed this to IPOA.', key: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' };
    for (let i = 0; i < 2; i++) expect((await b.post(`/tickets/${id}/reply`, form, { headers: { 'x-requested-with': 'fetch' } })).statusCode).toBe(200);
    const stored = (await h.store.messages.listForReport(report._id)).filter((m) => m.text === form.text);
    expect(stored).toHaveLength(1);
    // Corrected after the lost answer and sent again from the same draft: the correction goes too.
    const corrected = { ...form, text: 'We have passed this to IPOA today.' };
    expect((await b.post(`/tickets/${id}/reply`, corrected, { headers: { 'x-requested-with': 'fetch' } })).statusCode).toBe(200);
    expect((await h.store.messages.listForReport(report._id)).filter((m) => m.direction === 'to_reporter' && m.agentId).map((m) => m.text)).toEqual([form.text, corrected.text]);
  });

  it('answers a waiting ticket nobody has taken from the reply box its page offers (the policy lets supervisors reply to any open ticket)', async () => {
    const report = await submit();
    const id = report._id.toString();
    const sup = h.browser();
    await sup.signIn('daudi');
    const page = await sup.get(`/tickets/${id}`);
    expect(page.body).toContain(`action="/tickets/${id}/reply"`);
    const sent = await sup.post(`/tickets/${id}/reply`, { text: 'Are you safe now?' });
    expect(sent.headers.location).toBe(`/tickets/${id}?ok=reply_queued`);
    const out = (await h.store.messages.listForReport(report._id)).filter((m) => m.direction === 'to_reporter' && m.agentId);
    expect(out.map((m) => m.text)).toEqual(['Are you safe now?']);
    // Still waiting for an agent to take it: answering is not taking.
    expect((await h.store.reports.findById(id))?.status).toBe('received');
  });

  it("tells the page's script why a ticket is refused, in the agent's language", async () => {
    const report = await submit();
    const id = report._id.toString();
    const b = h.browser();
    await b.signIn('chebet');
    const notHers = await b.post(`/tickets/${id}/reply`, { text: 'Habari' }, { headers: { 'x-requested-with': 'fetch' } });
    expect(notHers.statusCode).toBe(403);
    expect(notHers.json()).toEqual({ ok: false, message: 'This ticket is not yours: another agent holds it, or it went back to the queue. Reload to see its state.' });
    await b.post('/language', { lang: 'sw', back: '/queue' });
    const missing = await b.post('/tickets/0123456789abcdef01234567/note', { text: 'x' }, { headers: { 'x-requested-with': 'fetch' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ ok: false, message: 'Tiketi hii haikupatikana.' });
    await b.post('/language', { lang: 'en', back: '/queue' });
  });
});
