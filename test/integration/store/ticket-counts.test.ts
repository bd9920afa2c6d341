/** The supervisors' charts: counts by category and county, largest first, the same order on every load. */
import { connectTestDb } from '../../support/db';
import { createStore, type Store } from '../../../src/store';
import { seedReport } from '../../support/report-fixtures';

let db: Awaited<ReturnType<typeof connectTestDb>>;
let store: Store;

beforeAll(async () => {
  db = await connectTestDb('ticket_counts');
  store = createStore(db.conn, [{ id: 'k1', key: Buffer.alloc(32, 5) }]);
  await store.ready();
});
afterAll(() => db.drop());

it('orders counties and categories with equal counts by their code, so the top 10 is the same on every load', async () => {
  // Twelve counties, one report each, and one county with two: a top 10 cut through the ties.
  const counties = [30, 3, 12, 47, 1, 22, 9, 41, 17, 6, 35, 27];
  const categories = ['p_bribery', 'p_force', 'p_arrest', 'e_bribery', 'e_violence', 'e_hate'];
  for (const [i, county] of counties.entries()) await seedReport(store, { county, category: categories[i % categories.length] });
  await seedReport(store, { county: 27, category: 'p_force' });
  const expected = [27, ...counties.filter((c) => c !== 27).sort((a, b) => a - b)];
  for (let load = 0; load < 3; load++) {
    const counts = await store.queries.counts({ page: 1 });
    expect(counts.byCounty.map((r) => r.key)).toEqual(expected);
    expect(counts.byCategory.map((r) => r.key)).toEqual(['p_force', ...categories.filter((c) => c !== 'p_force').sort()]);
  }
});
