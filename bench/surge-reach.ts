/**
 * `npx tsx bench/surge-reach.ts [N ...]`: one event reported N times in one county (stories in
 * English, Swahili and Sheng, places spelt several ways, over three hours), linked as intake
 * links them (each new report keeps its best links; each report keeps its `MAX_LINKS` strongest).
 * How many of the N can an agent holding the first report ever join into its incident, and how
 * many reports of two other events nearby (same county, same hours) would come with them?
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

type Lists = Map<string, { id: string; score: number }[]>;

/** Each report's `similar` list as the store keeps it: both sides of every link, the strongest kept. */
function linkAll(reports: readonly TriageReport[]): Lists {
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
  return lists;
}

/**
 * The reports an agent holding `start` can ever join: what the incident's own lists name (the old
 * rule), plus, with `minScore`, each waiting report whose own list names a report of the incident
 * with at least that score ("join the linked", which leaves out someone in danger).
 */
function reach(lists: Lists, start: string, minScore?: number): Set<string> {
  const inIncident = new Set([start]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, l] of lists) {
      const linkedIn = minScore !== undefined && l.some((x) => x.score >= minScore && inIncident.has(x.id));
      const join = inIncident.has(id) ? l.map((x) => x.id).filter((x) => !inIncident.has(x)) : linkedIn ? [id] : [];
      for (const x of join) inIncident.add(x);
      grew ||= join.length > 0;
    }
  }
  return inIncident;
}

/** Another event in the same county and hours (a review's: 300 reports each), that must not be pulled in. */
function otherEvent(prefix: string, kind: 'police' | 'election', startHour: number, places: (string | undefined)[], stories: string[], categories: string[]): TriageReport[] {
  let seed = 99 + prefix.charCodeAt(0);
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const t0 = Date.UTC(2027, 7, 9, startHour);
  return Array.from({ length: 300 }, (_, i): TriageReport => {
    const at = new Date(t0 + Math.floor(rnd() * 3 * 3600_000));
    return { id: prefix + String(i).padStart(5, '0'), kind, category: pick(categories), county: 47, createdAt: at, incidentAt: at, when: 'now', place: pick(places), story: pick(stories) };
  });
}

const TRADERS = otherEvent('B', 'police', 9, ['Githurai market', 'githurai 45', 'Githurai stage', undefined], [
  'Police beat traders at Githurai market and took their goods',
  'Polisi wamewapiga wafanyabiashara sokoni Githurai na kuchukua bidhaa zao',
  'kanjo and police harassing hawkers at githurai, one injured',
  'askari walimpiga mama mboga Githurai',
], ['p_force', 'p_force', 'p_other']);
const VOTE_BUYING = otherEvent('C', 'election', 8, ['Roysambu primary polling station', 'roysambu', undefined], [
  'People handing out 500 shillings to voters in the queue at Roysambu',
  'Wanagawa pesa kwa wapiga kura Roysambu, mia tano kila mtu',
  'bribery at roysambu polling station, agents giving money',
], ['e_bribery', 'e_bribery', 'e_other']);

for (const n of (process.argv.slice(2).length ? process.argv.slice(2) : ['2000', '8000']).map(Number)) {
  const reports = event(n);
  const lists = linkAll([...reports, ...TRADERS, ...VOTE_BUYING].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
  const show = (label: string, set: Set<string>) => {
    const count = (xs: readonly TriageReport[]) => xs.filter((r) => set.has(r.id)).length;
    console.log(`${n} reports of one event, ${label}: ${count(reports)} (${((100 * count(reports)) / n).toFixed(1)}%); of two other events of 300 nearby: ${count(TRADERS)} and ${count(VOTE_BUYING)}`);
  };
  show("the incident's own lists", reach(lists, reports[0].id));
  for (const min of [0.55, 0.7, 0.8]) show(`also waiting reports linked in at >= ${min}`, reach(lists, reports[0].id, min));
}
