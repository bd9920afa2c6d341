/**
 * A list or search that MongoDB gives up on (MaxTimeMSExpired, past the console's maxTimeMS) is a
 * page that says so and what to do, not "something went wrong" with a 500. The test server's
 * failCommand fail point stands in for a database too busy to answer in time.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-slow-queries' });
  await h.account('imani', 'supervisor');
});
afterAll(async () => {
  await failReportQueries('off');
  await h?.close();
});

function failReportQueries(mode: { times: number } | 'off') {
  const admin = h.store.models.Report.db.getClient().db('admin');
  const data = { failCommands: ['find', 'aggregate'], errorCode: 50, namespace: `${h.db.dbName}.${h.store.models.Report.collection.collectionName}` };
  return admin.command({ configureFailPoint: 'failCommand', mode, data });
}

describe('a console query past its time limit', () => {
  it('shows the supervisor a 503 page asking for a narrower search, and the next try works', async () => {
    const b = h.browser();
    await b.signIn('imani');
    await failReportQueries({ times: 1 });
    const slow = await b.get('/supervisor/tickets?county=47');
    expect(slow.statusCode).toBe(503);
    expect(slow.body).toContain('That took too long');
    expect(slow.body).toContain('Narrow the search');
    expect(slow.body).not.toContain('Something went wrong');
    const again = await b.get('/supervisor/tickets?county=47');
    expect(again.statusCode).toBe(200);
  });
});
