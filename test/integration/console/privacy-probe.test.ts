/**
 * Every ticket route, asked by someone the ticket is not for: an agent who does not hold it, an
 * agent whose account was deactivated, an agent at supervisors' and admins' forms, and ids of
 * another kind (an account's, a message of another ticket) where a ticket's or a reply's belongs.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import type { ReportDoc } from '../../../src/store';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-probe' });
  await h.account('pamela', 'admin');
  await h.account('otieno', 'agent');
  await h.account('njeri', 'agent');
  await h.account('kiprop', 'agent');
  await h.account('zawadi', 'supervisor');
});

afterAll(async () => {
  await h?.close();
});

async function submit(opts: { anonymous?: boolean; phone?: string } = {}): Promise<ReportDoc> {
  const who = await reporter(h.store);
  if (opts.phone) await h.store.reporters.setPhone(who._id, opts.phone);
  const { report } = await h.reports.submit({ ...reportInput(who._id), anonymous: opts.anonymous ?? false, evidence: [{ kind: 'photo', fileId: 'AgADfile', fileUniqueId: 'uniq1' }], description: { text: 'They beat us at Kondele stage', voice: { kind: 'voice', fileId: 'AgADvoice', fileUniqueId: 'uniq2' } } });
  return report;
}

const READS = (id: string) => [`/tickets/${id}`, `/tickets/${id}/conversation`, `/tickets/${id}/activity`, `/tickets/${id}/voice`, `/tickets/${id}/evidence/0`, `/tickets/${id}/case-file?format=html`, `/tickets/${id}/evidence-archive`];
const WRITES: [string, Record<string, string | string[]>][] = [
  ['reply', { text: 'Hello, what is your number?' }],
  ['note', { text: 'peeked' }],
  ['status', { status: 'resolved' }],
  ['refer', { agency: 'IPOA', note: 'x' }],
  ['consent', {}],
  ['release', {}],
  ['saved-reply', { savedReply: '0123456789abcdef01234567' }],
  ['incident/split', {}],
  ['incident/reply', { text_en: 'hi', text_sw: 'habari' }],
  ['incident/refer', { agency: 'IPOA', note: 'x', confirm: '1' }],
  ['incident/close', { status: 'resolved', note: 'x', confirm: '1' }],
];

describe('an anonymous report', () => {
  it('shows no identity on any of its pages and files, to its holder or a supervisor', async () => {
    const report = await submit({ anonymous: true, phone: '+254712000333' });
    const id = report._id.toString();
    const holder = h.browser();
    await holder.signIn('otieno');
    expect((await holder.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
    expect((await holder.post(`/tickets/${id}/refer`, { agency: 'IPOA', note: 'for the file' })).headers.location).toContain('ok=referred');
    const sup = h.browser();
    await sup.signIn('zawadi');
    for (const b of [holder, sup]) {
      for (const url of [`/tickets/${id}`, `/tickets/${id}/conversation`, `/tickets/${id}/activity`, `/tickets/${id}/case-file?format=html`]) {
        const res = await b.get(url);
        expect([url, res.statusCode]).toEqual([url, 200]);
        expect([url, res.body.includes('712000333') || res.body.includes('Wanjiru')]).toEqual([url, false]);
      }
    }
    for (const url of ['/supervisor/tickets', '/supervisor/tickets.csv']) {
      const res = await sup.get(url);
      expect(res.body).toContain(report.reference);
      expect([url, res.body.includes('712000333') || res.body.includes('Wanjiru')]).toEqual([url, false]);
    }
    // Searching by the reporter's number or name finds nothing: identities are not searchable.
    for (const q of ['+254712000333', '0712000333', 'Wanjiru']) expect((await sup.get(`/supervisor/tickets?q=${encodeURIComponent(q)}`)).body).not.toContain(report.reference);
  });
});

describe('an agent on a ticket another agent holds', () => {
  it('reads nothing of it and changes nothing, by any route', async () => {
    const report = await submit({ phone: '+254712000111' });
    const id = report._id.toString();
    const holder = h.browser();
    await holder.signIn('otieno');
    expect((await holder.post('/queue/take')).headers.location).toBe(`/tickets/${id}`);
    const before = await h.store.reports.findById(id);
    const historyBefore = (await h.store.reports.history(id)).length;
    const messagesBefore = await h.store.models.Message.countDocuments({ reportId: report._id });

    const other = h.browser();
    await other.signIn('njeri');
    for (const url of READS(id)) {
      const res = await other.get(url);
      expect([url, res.statusCode]).toEqual([url, 403]);
      expect(res.body).not.toContain('+254712000111');
      expect(res.body).not.toContain('Kondele');
    }
    for (const [path, form] of WRITES) {
      const res = await other.post(`/tickets/${id}/${path}`, form);
      expect([path, res.statusCode]).toEqual([path, 403]);
    }
    const njeri = (await h.store.agents.findByUsername('njeri'))!._id.toString();
    expect((await other.post(`/tickets/${id}/handover`, { to: njeri })).statusCode).toBe(403);
    // Its id as the one to join from another agent's ticket: refused, it stays with its holder.
    const mine = await submit();
    expect((await other.post('/queue/take')).headers.location).toBe(`/tickets/${mine._id.toString()}`);
    expect((await other.post(`/tickets/${mine._id.toString()}/incident/join`, { member: id })).headers.location).toMatch(/err=refused_/);
    expect((await other.post(`/tickets/${mine._id.toString()}/incident/split`, { member: id })).headers.location).toMatch(/err=refused_/);

    const after = await h.store.reports.findById(id);
    expect({ status: after!.status, assignee: String(after!.assignee), incident: after!.incident ?? null }).toEqual({ status: before!.status, assignee: String(before!.assignee), incident: null });
    expect((await h.store.reports.history(id)).length).toBe(historyBefore);
    expect(await h.store.models.Message.countDocuments({ reportId: report._id })).toBe(messagesBefore);
  });

  it('cannot read another ticket\'s message file through its own ticket', async () => {
    const b = h.browser();
    await b.signIn('kiprop');
    const own = await submit();
    const took = await b.post('/queue/take');
    const mine = took.headers.location!.split('/').pop()!;
    expect(mine).toBe(own._id.toString());
    const theirs = await submit();
    const message = await h.store.models.Message.create({ reportId: theirs._id, direction: 'from_reporter', delivery: 'received', kind: 'text', text: 'picha', media: { kind: 'photo', fileId: 'AgADother', fileUniqueId: 'uniq3' }, createdAt: new Date() });
    expect((await b.get(`/tickets/${mine}/messages/${message._id.toString()}/media`)).statusCode).toBe(404);
    // Through its own ticket, by whoever may open that, the same address is served (here Telegram has no such file).
    const sup = h.browser();
    await sup.signIn('zawadi');
    expect([403, 404]).not.toContain((await sup.get(`/tickets/${theirs._id.toString()}/messages/${message._id.toString()}/media`)).statusCode);
    // An account's id, or a message's, where a ticket's belongs: not found, never another thing's page.
    const acct = (await h.store.agents.findByUsername('kiprop'))!._id.toString();
    expect((await b.get(`/tickets/${acct}`)).statusCode).toBe(404);
    expect((await b.get(`/tickets/${message._id.toString()}`)).statusCode).toBe(404);
  });
});

describe('an agent at supervisors\' and admins\' forms', () => {
  it('is refused, and nothing changes', async () => {
    const b = h.browser();
    await b.signIn('njeri');
    for (const url of ['/supervisor/tickets', '/supervisor/tickets.csv', '/supervisor/saved-replies', '/admin/agents']) expect([url, (await b.get(url)).statusCode]).toEqual([url, 403]);
    expect((await b.post('/supervisor/saved-replies', { title: 'x', en: 'x', sw: 'x' })).statusCode).toBe(403);
    expect((await b.post('/admin/agents', { username: 'mole', name: 'Mole', role: 'admin', password: 'long enough password' })).statusCode).toBe(403);
    expect(await h.store.agents.findByUsername('mole')).toBeNull();
    const kiprop = (await h.store.agents.findByUsername('kiprop'))!._id.toString();
    expect((await b.post(`/admin/agents/${kiprop}/active`, { active: 'false' })).statusCode).toBe(403);
    expect((await h.store.agents.findByUsername('kiprop'))!.active).toBe(true);
  });
});

describe('a deactivated account', () => {
  it('its open session reads no ticket and takes none', async () => {
    const report = await submit({ phone: '+254712000222' });
    const id = report._id.toString();
    const b = h.browser();
    await b.signIn('kiprop');
    const admin = h.browser();
    await admin.signIn('pamela');
    const kiprop = (await h.store.agents.findByUsername('kiprop'))!._id.toString();
    expect((await admin.post(`/admin/agents/${kiprop}/active`, { active: 'false' })).statusCode).toBe(303);
    const page = await b.get(`/tickets/${id}`);
    expect(page.statusCode).toBe(303);
    expect(page.body).not.toContain('+254712000222');
    expect((await b.post('/queue/take')).statusCode).toBe(401);
    expect((await b.get('/live/queue', { accept: 'text/event-stream' })).statusCode).toBe(401);
    expect((await h.store.reports.findById(id))!.status).toBe('received');
  });
});

