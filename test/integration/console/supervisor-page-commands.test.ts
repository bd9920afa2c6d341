/**
 * All tickets is the supervisor's busiest page: in a loaded CI run its load took over 15 s. Every
 * MongoDB command a page view sends is a round trip and, for an aggregate, a pass over the
 * matching reports: the map and the county chart count the reports per county once between them.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent } from 'mongodb';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import type { TestDb } from '../../support/db';

let h: ConsoleHarness;
let db: TestDb;
const commands: CommandStartedEvent[] = [];
/** When each command (by request id) finished, to tell commands sent together from ones waiting on another. */
const finished = new Map<number, number>();
let clock = 0;
const startedAt = new Map<CommandStartedEvent, number>();

/** The harness's database with the driver's command monitoring on, to count what a page view sends. */
async function monitoredDb(): Promise<TestDb> {
  const dbName = `test_sup_cmds_${process.pid}_${randomBytes(4).toString('hex')}`;
  const conn = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName, monitorCommands: true }).asPromise();
  const client = conn.getClient();
  // An event counter, not a clock: which command started after which finished, never how long anything took.
  client.on('commandStarted', (e) => {
    startedAt.set(e, ++clock);
    commands.push(e);
  });
  const done = (e: CommandSucceededEvent | CommandFailedEvent) => finished.set(e.requestId, ++clock);
  client.on('commandSucceeded', done);
  client.on('commandFailed', done);
  return { conn, dbName, drop: async () => { try { await conn.dropDatabase(); } finally { await conn.close(); } } };
}

beforeAll(async () => {
  db = await monitoredDb();
  h = await createConsoleHarness({ label: 'console-sup-commands', db });
  await h.account('baraka', 'supervisor');
  for (let county = 1; county <= 12; county++) await seedReport(h.store, { category: 'p_force', county });
  // One referred (its age since the last word to its reporter is asked) and one held (the agent load).
  const Report = h.store.models.Report;
  await Report.updateOne({ _id: (await seedReport(h.store, { category: 'p_force', county: 5 })).report._id }, { status: 'referred', referral: { agency: 'IPOA', at: new Date() } });
  await Report.updateOne({ _id: (await seedReport(h.store, { category: 'p_force', county: 6 })).report._id }, { status: 'assigned', assignee: (await h.store.agents.list())[0]!._id });
});
afterAll(async () => {
  await h?.close();
  await db?.drop();
});

/** The MongoDB commands one view of the page sends. */
async function pageCommands(path: string): Promise<{ sent: CommandStartedEvent[]; body: string }> {
  const b = h.browser();
  await b.signIn('baraka');
  commands.length = 0;
  const page = await b.get(path);
  expect(page.statusCode).toBe(200);
  return { sent: [...commands], body: page.body };
}

/** An aggregate over the reports grouping by county. */
const perCounty = (c: CommandStartedEvent) =>
  c.commandName === 'aggregate' && c.command.aggregate === h.store.models.Report.collection.collectionName && (c.command.pipeline as Record<string, { _id?: unknown }>[]).some((s) => s.$group?._id === '$county');

it.each([
  ['/supervisor/tickets', 'Showing the 10 with the most tickets, of 12'],
  ['/supervisor/tickets?county=3', 'data-county="1" data-count="1"'],
])('%s: the map and the county chart share one count of reports per county', async (path, shown) => {
  const { sent, body } = await pageCommands(path);
  expect(sent.filter(perCounty)).toHaveLength(1);
  expect(body).toContain(shown);
});

/** The reports collection's aggregates (a chart's $group, or a count: the driver's countDocuments is one). */
const reportAggregates = (sent: CommandStartedEvent[]) =>
  sent.filter((c) => c.commandName === 'aggregate' && c.command.aggregate === h.store.models.Report.collection.collectionName);

it('the list\'s total is the charts\' sum, not one more count of the matching reports', async () => {
  const { sent, body } = await pageCommands('/supervisor/tickets?category=p_force');
  // By category, by day, by county: nothing else passes over the reports.
  expect(reportAggregates(sent)).toHaveLength(3);
  expect(body).toContain('14 tickets match');
});

it('a page past the end still shows the last page, counted once', async () => {
  const { sent, body } = await pageCommands('/supervisor/tickets?page=9');
  expect(reportAggregates(sent)).toHaveLength(3);
  expect(body).toContain('14 tickets match');
  // The last page's tickets, not an empty table.
  const oldest = await h.store.models.Report.findOne({}, { reference: 1 }).sort({ createdAt: 1, _id: 1 }).lean();
  expect(body).toContain(oldest!.reference);
});

/**
 * Rounds of round trips: a command sent only after another of the view had come back is one round
 * later than it. The page waits for its longest chain, whatever the database's speed.
 */
function rounds(sent: CommandStartedEvent[]): number {
  const depth = new Map<CommandStartedEvent, number>();
  for (const c of sent) {
    const before = sent.filter((o) => o !== c && (finished.get(o.requestId) ?? Infinity) < startedAt.get(c)!);
    depth.set(c, 1 + Math.max(0, ...before.map((o) => depth.get(o) ?? 1)));
  }
  return Math.max(0, ...depth.values());
}

it('agent load, reporters\' last messages and referral ages are asked together, not one after another', async () => {
  // A first view opens the pool's connections: a command waiting for a new connection would look sequential.
  await pageCommands('/supervisor/tickets');
  const { sent } = await pageCommands('/supervisor/tickets');
  // Signing in is two (the session, then its agent); the page two more: its list, charts, map, ratings
  // and agents together, then what needs their answers (agent load; last messages and referral ages) together.
  // One after another, they were four.
  expect(rounds(sent)).toBeLessThanOrEqual(4);
});
