/**
 * One event reported many times (a police shooting at a rally in Kondele, Kisumu, within the hour),
 * told in English, Swahili and Sheng, with typos, the place typed many ways or only as the county,
 * some reporters giving only the day; and other events near it in place, time or telling. The
 * linker runs as intake runs it (each report against the earlier ones, its 10 strongest kept).
 */
import { TriageIndex, type LinkCandidate, type TriageReport } from '../../../../src/domain/triage';
import { featuresOf } from '../../../../src/domain/triage/features';
import { scorePair } from '../../../../src/domain/triage/score';

const KISUMU = 42;
const T0 = Date.UTC(2027, 7, 10, 14, 0);
const minutes = (m: number) => new Date(T0 + m * 60_000);
const PLACES = ['Kondele', 'Kondele roundabout', 'near Kondele stage', 'kondele rndabout', 'Kondele, Kisumu', 'Kondele market', 'kondele', 'KONDELE ROUNDABOUT', 'Kondelle', 'pale Kondele', 'Kondele junction', '', '', 'Kisumu', 'Kisumu town'];
const STORIES = [
  'Police shot at people at the rally in Kondele, one man is down bleeding.',
  'cops opened fire on the crowd at kondele rally, i saw a boy shot in the leg',
  'Police are shooting live bullets at the opposition rally, people are running everywhere',
  'GSU fired teargas and live rounds at rally goers, many people injured',
  'They shot a young man at the rally, police everywhere',
  'polise shoting pple at kondel rally, one guy down',
  'Polisi wamefyatua risasi kwenye mkutano Kondele, kijana mmoja amepigwa risasi',
  'Askari wamewapiga watu risasi kwa rally ya Kondele, damu kila mahali',
  'Polisi wanapiga risasi watu kwenye mkutano wa upinzani',
  'Karao wameshoot maboy kwa rally pale Kondele, mmoja ameangushwa',
  'Makarao wanaachilia risasi kwa crowd Kondele stage, wasee wameumia',
  'Sanse wamemwaga risasi kwa mkutano, hali ni mbaya',
  'polisi wamempiga risasi kijana kwa mkutano, amekufa',
  'Police killed a young man at the opposition rally at Kondele, they shot him in the chest',
  'Teargas and gunshots at Kondele, police dispersing the rally',
  'Wanapiga watu risasi Kondele! Mkutano umevunjwa na polisi',
];
const CATEGORIES = ['p_force', 'p_force', 'p_force', 'p_killing', 'e_violence', 'p_force', 'p_other'];

function eventReports(n: number): TriageReport[] {
  return Array.from({ length: n }, (_, i) => {
    const category = CATEGORIES[(i * 3) % CATEGORIES.length];
    const place = PLACES[(i * 7) % PLACES.length];
    const dayOnly = i % 11 === 0;
    return {
      id: `ev${String(i).padStart(3, '0')}`,
      kind: category.startsWith('e_') ? 'election' : 'police',
      category,
      county: KISUMU,
      createdAt: minutes(((i * 37) % 60) + 5),
      incidentAt: dayOnly ? new Date(Date.UTC(2027, 7, 9, 21, 0)) : minutes((i * 37) % 60),
      when: dayOnly ? 'today' : 'now',
      ...(place ? { place } : {}),
      story: STORIES[(i * 5 + Math.floor(i / 16)) % STORIES.length],
    };
  });
}

const other = (id: string, over: Partial<TriageReport>): TriageReport => ({ id, kind: 'police', category: 'p_force', county: KISUMU, createdAt: minutes(30), incidentAt: minutes(25), when: 'now', ...over });
const nextDay = new Date(T0 + 26 * 3600_000);
const OTHERS = [
  other('bribe-next-day', { category: 'p_bribery', createdAt: nextDay, incidentAt: nextDay, place: 'Kondele roundabout', story: 'Traffic police at the Kondele roundabout roadblock are demanding 200 bob from every boda rider' }),
  other('bribe-same-hour', { category: 'p_bribery', place: 'Kondele roundabout', story: 'Traffic police at the roadblock are taking 100 bob from matatu drivers' }),
  other('vote-buying', { kind: 'election', category: 'e_bribery', place: 'Kondele stage', story: 'Agents of a candidate are giving out 200 bob to voters at the stage' }),
  other('nyalenda', { place: 'Nyalenda', story: 'Police shot at protesters in Nyalenda, one boy injured' }),
  other('nairobi', { county: 47, place: 'Kibera', story: 'Police shot at people at the rally, one man is down bleeding.' }),
  other('siaya', { county: 41, place: 'Bondo', story: 'Police shot at people at the rally, one man is down bleeding.' }),
  other('kondele-3-days', { createdAt: new Date(T0 + 72 * 3600_000), incidentAt: new Date(T0 + 72 * 3600_000), place: 'Kondele', story: 'Police shot at people at the rally in Kondele again' }),
  other('kondele-next-day', { createdAt: nextDay, incidentAt: nextDay, place: 'Kondele roundabout', story: 'Polisi wamepiga risasi watu kwenye mkutano Kondele tena leo' }),
];

/** Every report linked against the earlier ones; each link stored on both reports, the 20 strongest kept (as the store does). */
function intake(reports: TriageReport[]): Map<string, LinkCandidate[]> {
  const index = new TriageIndex();
  const similar = new Map<string, LinkCandidate[]>(reports.map((r) => [r.id, []]));
  for (const r of [...reports].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))) {
    index.add(r);
    for (const l of index.link(r)) {
      similar.get(r.id)!.push(l);
      similar.get(l.id)!.push({ ...l, id: r.id });
    }
  }
  for (const [id, ls] of similar) similar.set(id, ls.sort((a, b) => b.score - a.score).slice(0, 20));
  return similar;
}

describe('triage: 300 reports of one rally shooting in Kisumu', () => {
  const event = eventReports(300);

  it('scores most pairs of its reports as one incident, in every mix of languages', () => {
    const f = event.map(featuresOf);
    let linked = 0;
    let pairs = 0;
    for (let i = 0; i < f.length; i += 2) {
      for (let j = i + 1; j < f.length; j += 3) {
        pairs++;
        if ((scorePair(f[i], f[j], 48)?.score ?? 0) >= 0.55) linked++;
      }
    }
    // 64% before "Kisumu town" stopped counting as another place and the linker read this Sheng.
    expect(linked / pairs).toBeGreaterThan(0.75);
  });

  it('an agent holding the first report reaches every one of them (its links, then reports linked in at 0.7), and none of the other events', () => {
    const similar = intake([...event, ...OTHERS]);
    const incident = new Set(['ev000', ...similar.get('ev000')!.map((l) => l.id)]);
    for (let before = 0; before !== incident.size; ) {
      before = incident.size;
      for (const [id, ls] of similar) if (ls.some((l) => l.score >= 0.7 && incident.has(l.id))) incident.add(id);
    }
    expect([...incident].filter((id) => id.startsWith('ev'))).toHaveLength(300);
    expect([...incident].filter((id) => !id.startsWith('ev'))).toEqual([]);
    // The other county, the day after, three days on, vote buying at the stage: never even proposed.
    const toEvent = (id: string) => similar.get(id)!.filter((l) => l.id.startsWith('ev')).map((l) => l.id);
    for (const id of ['bribe-next-day', 'vote-buying', 'nairobi', 'siaya', 'kondele-3-days', 'kondele-next-day', 'nyalenda']) expect(toEvent(id)).toEqual([]);
    // Known weak spot: the traffic bribe at the roundabout in the same hour links to the report filed
    // as "other" police misconduct (place, hour and a related category are 0.53 alone), below 0.7:
    // shown on that one ticket, never offered to join.
    expect(similar.get('bribe-same-hour')!.every((l) => l.score < 0.7)).toBe(true);
  });
});
