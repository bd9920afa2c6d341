/**
 * The console's live streams (server-sent events) end when their holder may no longer follow
 * them: signed out, deactivated, or (a ticket's stream) no longer holding the ticket. Over real
 * HTTP, with the events going through Redis pub/sub as between console processes.
 */
import { createConsoleHarness, type ConsoleBrowser, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';
import type { AgentDoc } from '../../../src/store';

let h: ConsoleHarness;
let admin: ConsoleBrowser;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-live' });
  await h.account('amina', 'admin');
  admin = h.browser();
  await admin.signIn('amina');
});

afterAll(async () => {
  await h?.close();
});

/** An open event stream, read as the browser's EventSource would; `ended` settles when the server closes it. */
interface Stream {
  frames: string[];
  ended: Promise<void>;
  cancel(): Promise<void>;
}

async function openStream(b: ConsoleBrowser, path: string): Promise<Stream> {
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  const res = await fetch(`${h.base}${path}`, { headers: { cookie, accept: 'text/event-stream' } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const frames: string[] = [];
  const decoder = new TextDecoder();
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      frames.push(...decoder.decode(value).split('\n\n').filter((f) => f.startsWith('event:')));
    }
  })();
  return { frames, ended, cancel: () => reader.cancel() };
}

/** Until the stream has taken its place (the first bytes arrived): an event published before may be missed. */
async function connected(b: ConsoleBrowser, path: string): Promise<Stream> {
  const s = await openStream(b, path);
  await h.bus.publish({ type: 'queue' });
  await until(() => s.frames.some((f) => f.startsWith('event: queue')) || path.startsWith('/live/tickets'));
  return s;
}

async function until(ok: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((r) => setImmediate(r));
  }
}

/** The stream still delivers: an event published now reaches it. */
async function stillOpen(s: Stream): Promise<void> {
  const seen = s.frames.length;
  await h.bus.publish({ type: 'queue' });
  await until(() => s.frames.length > seen);
}

async function agent(name: string): Promise<{ b: ConsoleBrowser; doc: AgentDoc }> {
  const doc = await h.account(name, 'agent');
  const b = h.browser();
  await b.signIn(name);
  return { b, doc };
}

it('a deactivated agent’s queue stream ends, and the browser’s reconnect is refused', async () => {
  const { b, doc } = await agent('baraka');
  const other = await agent('chebet');
  const mine = await connected(b, '/live/queue');
  const theirs = await connected(other.b, '/live/queue');
  await admin.post(`/admin/agents/${doc._id.toString()}/active`, { active: 'false' });
  await mine.ended;
  expect((await fetch(`${h.base}/live/queue`, { headers: { cookie: `ripoti_session=${b.cookies.get('ripoti_session')}` } })).status).toBe(401);
  // Another agent's stream is not touched.
  await stillOpen(theirs);
  await theirs.cancel();
});

it('signing out ends that browser’s streams, not the agent’s other browsers', async () => {
  const { b } = await agent('daudi');
  const second = h.browser();
  await second.signIn('daudi');
  const here = await connected(b, '/live/queue');
  const there = await connected(second, '/live/queue');
  await b.post('/signout');
  await here.ended;
  await stillOpen(there);
  await there.cancel();
});

it('an agent who releases a ticket is told of the change on its stream, which then ends; their queue stream stays', async () => {
  const { b } = await agent('esther');
  const who = await reporter(h.store);
  await h.reports.submit({ ...reportInput(who._id), anonymous: true });
  const taken = await b.post('/queue/take');
  const id = /\/tickets\/([0-9a-f]{24})/.exec(taken.headers.location ?? '')![1];
  const queue = await connected(b, '/live/queue');
  const ticket = await openStream(b, `/live/tickets/${id}`);
  await h.bus.publish({ type: 'ticket', reportId: id, what: 'note' });
  await until(() => ticket.frames.length > 0);
  expect((await b.post(`/tickets/${id}/release`)).headers.location).toBe('/queue?ok=released');
  await ticket.ended;
  expect(ticket.frames.at(-1)).toBe(`event: ticket\ndata: ${JSON.stringify({ reportId: id, what: 'status' })}`);
  await stillOpen(queue);
  await queue.cancel();
});
