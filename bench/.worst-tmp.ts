import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { TriageIndex, type TriageReport } from '/work/wt-triage-link/src/domain/triage';
import { generate } from '/work/wt-triage-link/test/fixtures/triage/generate';
import { toTriage } from '/work/wt-triage-link/bench/triage';
const out: TriageReport[] = [];
for (let seed = 1001; out.length < 10000; seed++) for (const r of generate(seed).reports) {
  if (out.length >= 10000) break;
  const t = toTriage(r, `s${seed}-`);
  const shift = (t.createdAt.getTime() % (48 * 3600_000)) - (t.createdAt.getTime() - Date.UTC(2027, 7, 9));
  out.push({ ...t, county: 47, createdAt: new Date(t.createdAt.getTime() + shift), incidentAt: new Date(t.incidentAt.getTime() + shift) });
}
const index = new TriageIndex(); for (const r of out) index.add(r);
const fx = JSON.parse(readFileSync('/work/wt-triage-link/test/fixtures/triage/reports.json','utf8'));
const qs = fx.reports.map((r: any) => ({ ...toTriage(r, 'q-'), county: 47, createdAt: new Date(Date.UTC(2027, 7, 10, 6)), incidentAt: new Date(Date.UTC(2027, 7, 10, 6)), when: 'now' as const }));
for (let i = 0; i < 50; i++) index.link(qs[i % qs.length]);
const cpu: number[] = []; let sig = 0;
for (let i = 0; i < 400; i++) { const c0 = process.cpuUsage(); sig += index.link(qs[i % qs.length]).length; const c = process.cpuUsage(c0); cpu.push((c.user + c.system) / 1000); }
cpu.sort((a, b) => a - b);
console.log('cpu median', cpu[200].toFixed(2), 'p99', cpu[396].toFixed(2), 'links', sig);
