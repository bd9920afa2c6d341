import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TriageIndex, type TriageReport } from '../../../../src/domain/triage';
import type { Fixture } from '../../../fixtures/triage/generate';

const fx = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'triage', 'reports.json'), 'utf8')) as Fixture;
const reports: TriageReport[] = fx.reports.map((r) => ({ ...r, createdAt: new Date(r.createdAt), incidentAt: new Date(r.incidentAt) }));

describe('TriageIndex limit', () => {
  it('explains only the strongest few, and they are exactly the first of the full list', () => {
    // All in one county within two days, so that many pairs pass the threshold at once.
    const base = Date.UTC(2027, 7, 10, 6);
    const squeezed = reports.map((r, i) => ({ ...r, county: 47, incidentAt: new Date(base - (i % 40) * 3600_000), createdAt: new Date(base), when: 'now' as const }));
    const index = new TriageIndex({ threshold: 0.3 });
    for (const r of squeezed) index.add(r);
    let busy = 0;
    for (const q of squeezed.slice(0, 60)) {
      const all = index.link(q, { limit: 10_000 });
      if (all.length > 3) busy++;
      expect(index.link(q, { limit: 3 })).toEqual(all.slice(0, 3));
    }
    expect(busy).toBeGreaterThan(10);
  });
});
