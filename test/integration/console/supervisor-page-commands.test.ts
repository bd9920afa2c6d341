/**
 * All tickets is the supervisor's busiest page: in a loaded CI run its load took over 15 s. Every
 * MongoDB command a page view sends is a round trip and, for an aggregate, a pass over the
 * matching reports: the map and the county chart count the reports per county once between them.
 */
import { randomBytes } from 'node:crypto';
import mongoose, { type Aggregate, type Query, type Schema } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import type { TestDb } from '../../support/db';

let h: ConsoleHarness;
let db: TestDb;
const commands: CommandStartedEvent[] = [];

/**
 * Rounds of round trips, forced rather than timed. While `gate.on`, every answer of the database is
 * held until every query the page has asked so far is answered; then all are handed over at once,
 * and what the page asks next with them is the next round. A query asked only after another's
 * answer is one round later, whichever came back first. (Counting "started after another
 * finished" made this test flaky: under CPU load agent load's query could come back before the
 * page's rows did, and the last messages, asked with the rows, counted as a fifth round; a query
 * waiting for a new pool connection could too.) The page must ask a query in the same turn as the
 * answers it needs, as it does: a wait on anything else (Redis, a timer) would blur the rounds.
 */
const gate = { on: false, asking: 0, held: [] as { name: string; hand: () => void }[], rounds: [] as string[][] };
const gated = new WeakSet<object>();
/** What the gate holds: the reads a page sends (query middleware; aggregates apart). */
const READ_OPS = ['find', 'findOne', 'countDocuments', 'estimatedDocumentCount', 'distinct'] as const;

/** Hands every held answer over, as one round, once no query of the view is still unanswered. */
function releaseWhenAllAnswered(): void {
  if (gate.asking > 0 || !gate.held.length) return;
  const round = gate.held.splice(0);
  gate.rounds.push(round.map((a) => a.name).sort());
  for (const a of round) a.hand();
}

/** The connection's plugin (before the store compiles its models): counts each query asked while gated and holds its answer. */
function gatePlugin(schema: Schema): void {
  const asked = (q: object) => {
    if (!gate.on) return;
    gated.add(q);
    gate.asking++;
  };
  const answered = (q: object, name: string): Promise<void> | undefined => {
    if (!gated.has(q)) return undefined;
    const held = new Promise<void>((hand) => gate.held.push({ name, hand }));
    gate.asking--;
    releaseWhenAllAnswered();
    return held;
  };
  const queryName = (q: Query<unknown, unknown>, op: string) => `${q.model.collection.collectionName}.${op}`;
  const aggregateName = (a: Aggregate<unknown>) => `${a.model().collection.collectionName}.aggregate`;
  // A failed query is not held (the page gets its error at once), but is no longer awaited either.
  const failed = (q: object, err: Error, next: (err?: Error) => void) => {
    if (gated.delete(q)) {
      gate.asking--;
      releaseWhenAllAnswered();
    }
    next(err);
  };
  for (const op of READ_OPS) {
    schema.pre(op, function (this: Query<unknown, unknown>) { asked(this); });
    schema.post(op, function (this: Query<unknown, unknown>) { return answered(this, queryName(this, op)); });
    schema.post(op, function (this: Query<unknown, unknown>, err: Error, _res: unknown, next: (err?: Error) => void) { failed(this, err, next); });
  }
  schema.pre('aggregate', function (this: Aggregate<unknown>) { asked(this); });
  schema.post('aggregate', function (this: Aggregate<unknown>) { return answered(this, aggregateName(this)); });
  schema.post('aggregate', function (this: Aggregate<unknown>, err: Error, _res: unknown, next: (err?: Error) => void) { failed(this, err, next); });
}

/** The harness's database with the driver's command monitoring on, to count what a page view sends, and the gate. */
async function monitoredDb(): Promise<TestDb> {
  const dbName = `test_sup_cmds_${process.pid}_${randomBytes(4).toString('hex')}`;
  const conn = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName, monitorCommands: true }).asPromise();
  conn.plugin(gatePlugin);
  conn.getClient().on('commandStarted', (e) => commands.push(e));
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

/** The rounds of one view of the page: what it asked in each, by collection and operation. */
async function pageRounds(path: string): Promise<string[][]> {
  const b = h.browser();
  await b.signIn('baraka');
  gate.rounds = [];
  gate.on = true;
  try {
    const page = await b.get(path);
    expect(page.statusCode).toBe(200);
  } finally {
    gate.on = false;
  }
  return gate.rounds;
}

it('agent load, reporters\' last messages and referral ages are asked together, not one after another', async () => {
  const rounds = await pageRounds('/supervisor/tickets');
  // Reading the session is two rounds (the session, then its agent); the page two more: its list, charts, map,
  // ratings and agents together, then what needs their answers together: agent load (the held
  // reports) with the page's last messages and referral ages. One after another, they were four.
  expect(rounds.slice(3)).toEqual([['messages.find', 'messages.find', 'reports.find']]);
});
