/**
 * Supervisors find reports by the details for the agency (issue 15): constituency, ward, police
 * station and vehicle plate, typed loosely, through the same query the list and the CSV use.
 */
import { createStore, type ReportDoc, type Store } from '../../../src/store';
import { parseFilter } from '../../../src/console/ticket-filter';
import { filterToQuery } from '../../../src/store';
import { connectTestDb, type TestDb } from '../../support/db';
import { seedReport } from '../../support/report-fixtures';

let db: TestDb;
let store: Store;

beforeAll(async () => {
  db = await connectTestDb('detail-filters');
  store = createStore(db.conn, [{ id: 'k1', key: Buffer.alloc(32, 7) }]);
  await store.ready();
  await seedReport(store, { kind: 'police', category: 'p_bribery', officers: { station: 'Naivasha Police Station', vehiclePlates: ['KDA 123A'], unit: 'traffic' } });
  await seedReport(store, { kind: 'police', category: 'p_brutality', officers: { station: 'Central Police Station', vehiclePlates: ['GK 456B'] } });
  await seedReport(store, { kind: 'election', category: 'e_violence', county: 42, constituency: { code: 240, name: 'Kisumu Central' }, ward: { code: 1200, name: 'Kondele' }, pollingStation: { name: 'Kondele Primary School' } });
  await seedReport(store, { kind: 'election', category: 'e_bribery', county: 42, constituency: { code: 238, name: 'Kisumu East' }, ward: { code: 1190, name: 'Kajulu' } });
}, 60_000);
afterAll(() => db.drop());

async function find(query: Record<string, string>): Promise<ReportDoc[]> {
  return store.models.Report.find(filterToQuery(parseFilter(query))).lean<ReportDoc[]>();
}

describe('supervisor filters on the details for the agency', () => {
  it('a plate typed loosely finds the report that named it, in its stored form', async () => {
    expect((await find({ plate: 'kda123a' })).map((r) => r.officers?.vehiclePlates)).toEqual([['KDA 123A']]);
    expect((await find({ plate: 'gk 456 b' })).map((r) => r.category)).toEqual(['p_brutality']);
    expect(await find({ plate: 'KBZ 999Z' })).toEqual([]);
  });

  it('police station, constituency and ward match part of the name, in any case', async () => {
    expect((await find({ station: 'naivasha' })).map((r) => r.category)).toEqual(['p_bribery']);
    expect((await find({ constituency: 'kisumu central' })).map((r) => r.ward?.name)).toEqual(['Kondele']);
    expect((await find({ constituency: 'Kisumu' })).length).toBe(2);
    expect((await find({ constituency: 'Kisumu', ward: 'kajulu' })).map((r) => r.category)).toEqual(['e_bribery']);
  });

  it('typed text is never a pattern', async () => {
    expect(await find({ station: '.*' })).toEqual([]);
  });
});
