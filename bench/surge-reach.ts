/**
 * `npx tsx bench/surge-reach.ts [N ...]`: one event reported N times in one county (stories in
 * English, Swahili and Sheng, places spelt several ways, over three hours), linked as intake
 * links them (each new report keeps its best links; each report keeps its `MAX_LINKS` strongest).
 * How many of the N can an agent holding the first report ever join into its incident?
 *   - by the lead's and members' own lists only (the rule before 2026-12-01);
 *   - also every waiting report whose own list names a report of the incident ("join the linked").
 * Pure CPU, deterministic (a fixed seed); a review's simulation, kept so the figure can be rerun.
 */
import { TriageIndex, type TriageReport } from '../src/domain/triage';
import { MAX_LINKS } from '../src/store/incident-repository';

const PLACES = ['Kasarani', 'kasarani stadium', 'Kasarani Primary polling station', 'kasrani', undefined, 'Kasarani, near the stage'];
const STORIES = [
  'Police fired teargas at voters queueing at the polling station and beat people with batons',
  'Polisi walirusha vitoa machozi kwa wapiga kura kwenye foleni na kuwapiga watu kwa rungu',
  'cops teargassed the queue, many people injured',
  'GSU walipiga watu kwa kura Kasarani, wengi wamejeruhiwa',
  'They beat us at the polling centre, my brother is bleeding',
  'police attacked voters at kasarani, teargas everywhere',
  'askari wametupiga na kutufukuza kwenye kituo cha kupigia kura',
];
const CATEGORIES = ['p_force', 'p_force', 'p_force', 'e_violence', 'p_other', 'e_other'];

function event(n: number): TriageReport[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const t0 = Date.UTC(2027, 7, 9, 7);
  const reports = Array.from({ length: n }, (_, i): TriageReport => {
    const at = new Date(t0 + Math.floor(rnd() * 3 * 3600_000));
    return { id: String(i).padStart(6, '0'), kind: 'police', category: pick(CATEGORIES), county: 47, createdAt: at, incidentAt: at, when: 'now', place: pick(PLACES), story: pick(STORIES) };
  });
  return reports.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Each report's `similar` list as the store keeps it: both sides of every link, the strongest kept. */
function linkAll(reports: readonly TriageReport[]): Map<string, string[]> {
  const index = new TriageIndex();
  const lists = new Map<string, { id: string; score: number }[]>();
  const push = (id: string, other: string, score: number) => {
    const l = lists.get(id) ?? [];
    if (!l.some((x) => x.id === other)) l.push({ id: other, score });
    lists.set(id, l.sort((a, b) => b.score - a.score).slice(0, MAX_LINKS));
  };
  for (const r of reports) {
    index.add(r);
    for (const l of index.link(r)) {
      push(r.id, l.id, l.score);
      push(l.id, r.id, l.score);
    }
  }
  return new Map([...lists].map(([id, l]) => [id, l.map((x) => x.id)]));
}

function reach(lists: Map<string, string[]>, start: string, ownListsToo: boolean): number {
  const inIncident = new Set([start]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, l] of lists) {
      const join = inIncident.has(id) ? l.filter((x) => !inIncident.has(x)) : ownListsToo && l.some((x) => inIncident.has(x)) ? [id] : [];
      for (const x of join) inIncident.add(x);
      grew ||= join.length > 0;
    }
  }
  return inIncident.size;
}

for (const n of (process.argv.slice(2).length ? process.argv.slice(2) : ['2000', '8000']).map(Number)) {
  const reports = event(n);
  const lists = linkAll(reports);
  const pct = (k: number) => `${((100 * k) / n).toFixed(1)}%`;
  const before = reach(lists, reports[0].id, false);
  const now = reach(lists, reports[0].id, true);
  console.log(`${n} reports of one event: reachable by the incident's own lists ${before} (${pct(before)}); with the waiting reports linked into it ${now} (${pct(now)})`);
}
