/** Equality on a compound index's first field with a range on the next (triage's link window,
 * `{ county, incidentAt: { $gte, $lte } }`) is answered from the index: the same documents, in the
 * same order, as a collection without the index returns, whatever was updated or deleted since. */
import { indexedAndPlain, type IndexedAndPlain } from '../../support/mongo/index-vs-scan';

const DAY = Date.UTC(2026, 7, 9);
const docs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    _id: i,
    // Every 13th has no county (a report stored early), the rest spread over five counties.
    ...(i % 13 === 0 ? {} : { county: (i % 5) + 1 }),
    incidentAt: new Date(DAY + ((i * 37) % 96) * 3600_000),
  }));

const window = (county: number, fromH: number, toH: number) => ({ county, incidentAt: { $gte: new Date(DAY + fromH * 3600_000), $lte: new Date(DAY + toH * 3600_000) } });
interface Row {
  _id: number;
  county?: number | number[];
  incidentAt: Date;
}

describe('compound index answering equality on its first field', () => {
  let h: IndexedAndPlain<Row>;
  beforeAll(async () => {
    h = await indexedAndPlain<Row>('reports', docs(150), { county: 1, incidentAt: 1 });
  });
  afterAll(() => h.stop());
  const both = (filter: Parameters<IndexedAndPlain<Row>['both']>[0]) => h.both(filter);

  it('returns what a collection scan returns, in natural order', async () => {
    for (const [county, from, to] of [[1, 0, 48], [3, 24, 72], [5, 90, 96], [2, 0, 0], [6, 0, 96]]) {
      const [got, want] = await both(window(county, from, to));
      expect(got).toEqual(want);
    }
    const [got] = await both(window(1, 0, 48));
    expect(got.length).toBeGreaterThan(5);
  });

  it('answers a list of counties ($in: a county and its neighbours) as a scan does', async () => {
    for (const counties of [[1, 2], [3, 5, 6], [4]]) {
      const [got, want] = await both({ ...window(0, 0, 60), county: { $in: counties } });
      expect(got).toEqual(want);
      expect(got.length).toBeGreaterThan(3);
    }
  });

  it('follows documents moved to another county, given a county late, and deleted', async () => {
    for (const c of [h.indexed, h.plain]) {
      await c.updateMany({ county: 1, incidentAt: { $lt: new Date(DAY + 24 * 3600_000) } }, { $set: { county: 4 } });
      await c.updateOne({ _id: 13 }, { $set: { county: 4 } });
      await c.deleteMany({ county: 4, _id: { $gt: 100 } });
    }
    for (const county of [1, 4]) {
      const [got, want] = await both(window(county, 0, 96));
      expect(got).toEqual(want);
    }
    expect((await both(window(4, 0, 96)))[0]).toContain(13);
  });

  it('stays right once a document holds an array in the indexed fields', async () => {
    for (const c of [h.indexed, h.plain]) await c.insertOne({ _id: 1000, county: [2, 3], incidentAt: new Date(DAY) });
    for (const county of [2, 3]) {
      const [got, want] = await both(window(county, 0, 96));
      expect(got).toEqual(want);
      expect(got).toContain(1000);
    }
  });
});
