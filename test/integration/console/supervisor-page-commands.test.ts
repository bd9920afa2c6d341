/**
 * All tickets is the supervisor's busiest page: in a loaded CI run its load took over 15 s. Every
 * MongoDB command a page view sends is a round trip and, for an aggregate, a pass over the
 * matching reports: the map and the county chart count the reports per county once between them.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import type { TestDb } from '../../support/db';

let h: ConsoleHarness;
let db: TestDb;
const commands: CommandStartedEvent[] = [];

/** The harness's database with the driver's command monitoring on, to count what a page view sends. */
async function monitoredDb(): Promise<TestDb> {
  const dbName = `test_sup_cmds_${process.pid}_${randomBytes(4).toString('hex')}`;
  const conn = await mongoose.createConnection(process.env.MONGODB_URI!, { dbName, monitorCommands: true }).asPromise();
  conn.getClient().on('commandStarted', (e) => commands.push(e));
  return { conn, dbName, drop: async () => { try { await conn.dropDatabase(); } finally { await conn.close(); } } };
}

beforeAll(async () => {
  db = await monitoredDb();
  h = await createConsoleHarness({ label: 'console-sup-commands', db });
  await h.account('baraka', 'supervisor');
  for (let county = 1; county <= 12; county++) await seedReport(h.store, { category: 'p_force', county });
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
