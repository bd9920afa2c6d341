import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalWords, explainPair, findPlates, linkReports, linkWindow, TriageIndex, type LinkReason, type TriageReport } from '../../../../src/domain/triage';
import { featuresOf } from '../../../../src/domain/triage/features';
import { QueryScorer } from '../../../../src/domain/triage/fast';
import { scorePair } from '../../../../src/domain/triage/score';
import type { Fixture } from '../../../fixtures/triage/generate';

const NAIROBI = 47;
const at = (iso: string) => new Date(iso);

function report(over: Partial<TriageReport> & Pick<TriageReport, 'id'>): TriageReport {
  return {
    kind: 'police',
    category: 'p_bribery',
    county: NAIROBI,
    createdAt: at('2027-08-10T07:20:00Z'),
    incidentAt: at('2027-08-10T07:20:00Z'),
    when: 'now',
    ...over,
  };
}

// One event told twice: English with the plate in the form, Swahili with it in the story.
const english = report({
  id: 'en-1',
  place: 'Kasarani',
  plate: 'KDA 123A',
  story: 'Traffic police at the roadblock stopped our matatu and refused to let us go until the driver paid 500 bob.',
});
const swahili = report({
  id: 'sw-1',
  createdAt: at('2027-08-10T07:55:00Z'),
  incidentAt: at('2027-08-10T07:55:00Z'),
  place: 'Kasarani roadblock',
  story: 'Polisi wa trafiki walisimamisha matatu yetu kda123a wakataka kitu kidogo, dereva akatoa mia tano ndio tupite.',
});

const find = <C extends LinkReason['code']>(reasons: LinkReason[], code: C) => reasons.find((r) => r.code === code) as Extract<LinkReason, { code: C }> | undefined;

describe('triage: linking reports of one incident', () => {
  it('links two reporters of one event, in English and Swahili, with reasons a person can check', () => {
    const [link, ...rest] = linkReports(swahili, [english]);
    expect(rest).toEqual([]);
    expect(link.id).toBe('en-1');
    expect(link.score).toBeGreaterThanOrEqual(0.55);
    expect(find(link.reasons, 'same_county')).toMatchObject({ county: NAIROBI });
    expect(find(link.reasons, 'same_category')).toMatchObject({ category: 'p_bribery' });
    expect(find(link.reasons, 'close_in_time')?.hours).toBeLessThanOrEqual(1);
    expect(find(link.reasons, 'similar_place')).toMatchObject({ a: 'Kasarani roadblock', b: 'Kasarani', words: ['kasarani'] });
    expect(find(link.reasons, 'shared_plate')).toMatchObject({ plate: 'KDA 123A' });
    // "kitu kidogo", "mia tano" and "matatu" read as the English report's bribe, 500 and matatu.
    expect(find(link.reasons, 'same_details')?.concepts).toEqual(expect.arrayContaining(['matatu', 'driver', 'stop']));
    expect(find(link.reasons, 'similar_story')?.words).toEqual(expect.arrayContaining(['matatu']));
    // Strongest reason first.
    const points = link.reasons.map((r) => Math.abs(r.points));
    expect(points).toEqual([...points].sort((x, y) => y - x));
  });

  it('links one event across a county line when both name the place, and only then', () => {
    const KIAMBU = 22;
    const MOMBASA = 1;
    const nairobi = report({ id: 'nrb', category: 'p_force', place: 'Githurai 45', story: 'Police beat people with batons at the stage and threw teargas, a hawker is bleeding.' });
    const kiambu = report({
      id: 'kbu',
      county: KIAMBU,
      category: 'p_force',
      createdAt: at('2027-08-10T07:40:00Z'),
      incidentAt: at('2027-08-10T07:40:00Z'),
      place: 'stage ya Githurai 45',
      story: 'Polisi wanapiga watu na rungu kwa stage, teargas kila mahali, mama mmoja anavuja damu.',
    });
    const [link] = linkReports(kiambu, [nairobi]);
    expect(link).toMatchObject({ id: 'nrb' });
    expect(find(link.reasons, 'neighbouring_county')).toEqual({ code: 'neighbouring_county', a: KIAMBU, b: NAIROBI, points: -0.05 });
    expect(find(link.reasons, 'same_county')).toBeUndefined();
    // Seen from the other side, the same score.
    expect(explainPair(nairobi, kiambu)?.score).toBe(link.score);
    // The same telling with no place in common across the line, or from a county far away: not compared.
    expect(linkReports({ ...kiambu, place: 'Ruiru town' }, [nairobi])).toEqual([]);
    expect(explainPair({ ...kiambu, place: 'Ruiru town' }, nairobi)).toBeNull();
    expect(explainPair({ ...kiambu, county: MOMBASA }, nairobi)).toBeNull();
    // The link window asks the store for the neighbours too.
    expect(linkWindow(kiambu).counties).toEqual([KIAMBU, 16, 18, 21, 32, 34, NAIROBI]);
  });

  it('does not link the same kind of report at the same place a week later', () => {
    const weekLater = report({ ...english, id: 'en-2', plate: undefined, createdAt: at('2027-08-17T07:30:00Z'), incidentAt: at('2027-08-17T07:30:00Z') });
    expect(linkReports(weekLater, [english, swahili])).toEqual([]);
    expect(explainPair(weekLater, english)).toBeNull();
  });

  it('does not link another event at the same police station on the same day', () => {
    const bribe = report({ id: 'a', place: 'Kilimani Police Station', story: 'My brother is held at Kilimani police, the OCS wants 2000 to release him without charge.' });
    const beating = report({
      id: 'b',
      category: 'p_force',
      createdAt: at('2027-08-10T13:00:00Z'),
      incidentAt: at('2027-08-10T13:00:00Z'),
      place: 'kituo cha polisi Kilimani',
      story: 'Askari walimpiga mwanafunzi kwa rungu nje ya kituo, anavuja damu kichwani.',
    });
    const pair = explainPair(beating, bribe);
    expect(pair?.score).toBeLessThan(0.55);
    expect(find(pair!.reasons, 'similar_place')).toBeDefined(); // the place alone is not enough
    expect(linkReports(beating, [bribe])).toEqual([]);
  });

  it('does not link two markets (or roads, or stations) because they share only the word "market"', () => {
    const story = 'Police beat hawkers and took their goods.';
    const pairs: [string, string][] = [
      ['Kibera market', 'Gikomba market'],
      ['Thika Road', 'Mombasa Road'],
    ];
    for (const [pa, pb] of pairs) {
      const a = report({ id: 'a', category: 'p_force', place: pa, story });
      const b = report({ id: 'b', category: 'p_force', place: pb, story, createdAt: at('2027-08-10T08:50:00Z'), incidentAt: at('2027-08-10T08:50:00Z') });
      const pair = explainPair(b, a)!;
      expect(find(pair.reasons, 'similar_place')).toBeUndefined();
      expect(find(pair.reasons, 'different_place')).toMatchObject({ a: pb, b: pa });
      expect(linkReports(b, [a])).toEqual([]);
      // The index's quick score agrees with the explained one.
      expect(new QueryScorer(featuresOf(b), 48).score(featuresOf(a))).toBe(pair.score);
    }
    // One of them names no place of its own ("the market"): a weak hint still, not a contradiction.
    const vague = explainPair(report({ id: 'c', category: 'p_force', place: 'the market', story }), report({ id: 'd', category: 'p_force', place: 'Kibera market', story }))!;
    expect(find(vague.reasons, 'different_place')).toBeUndefined();
  });

  it('does not link the same short story told of two named estates within the hour: on a day of unrest each estate has its own', () => {
    for (const [pa, pb, story] of [
      ['Kayole', 'Kibera', 'Police beat a man'],
      ['Dandora phase 2', 'Kariobangi North', 'Police are beating hawkers'],
    ]) {
      const a = report({ id: 'a', category: 'p_force', place: pa, story });
      const b = report({ id: 'b', category: 'p_force', place: pb, story, createdAt: at('2027-08-10T07:40:00Z'), incidentAt: at('2027-08-10T07:40:00Z') });
      expect(find(explainPair(b, a)!.reasons, 'different_place')).toBeDefined();
      expect(linkReports(b, [a])).toEqual([]);
    }
  });

  it('a place that is only the county itself ("Kisumu", "Kisumu town") does not count against the estate another reporter named', () => {
    const KISUMU = 42;
    const kondele = report({ id: 'kondele', county: KISUMU, category: 'p_force', place: 'Kondele roundabout', story: 'Police shot at people at the rally, one man is down bleeding.' });
    const inTown = (place: string) =>
      report({ id: place, county: KISUMU, category: 'p_force', createdAt: at('2027-08-10T07:50:00Z'), incidentAt: at('2027-08-10T07:50:00Z'), place, story: 'Askari wamewapiga watu risasi kwa mkutano, damu kila mahali.' });
    for (const place of ['Kisumu', 'Kisumu town', 'kisumu mjini', 'Kisumu county']) {
      const pair = explainPair(inTown(place), kondele)!;
      expect(find(pair.reasons, 'different_place')).toBeUndefined();
      expect(linkReports(inTown(place), [kondele]).map((l) => l.id)).toEqual(['kondele']);
      expect(new QueryScorer(featuresOf(inTown(place)), 48).score(featuresOf(kondele))).toBe(pair.score);
    }
    // Another estate of the county still is another place.
    expect(find(explainPair(inTown('Nyalenda'), kondele)!.reasons, 'different_place')).toBeDefined();
    // The name of another county is a place like any other.
    expect(find(explainPair(inTown('Kericho'), kondele)!.reasons, 'different_place')).toBeDefined();
  });

  it('reads the Sheng of a shooting as the English telling does ("sanse", "makarao" shoot, "wameshoot", "amekufa"; "kuachilia risasi" is firing, not a release)', () => {
    const shooting = (id: string, story: string, minutes: number) =>
      report({ id, county: 42, category: 'p_force', createdAt: new Date(Date.UTC(2027, 7, 10, 14, minutes)), incidentAt: new Date(Date.UTC(2027, 7, 10, 14, minutes)), story });
    const english = shooting('en', 'Police are shooting at people at the rally in Kondele, a young man was shot and killed', 0);
    for (const sheng of ['Sanse wameshoot kijana kwa mkutano Kondele, amekufa', 'Karao wameshoot maboy kwa rally pale Kondele, mmoja ameangushwa', 'Makarao wanaachilia risasi kwa rally Kondele, kijana mmoja amekufa']) {
      expect(linkReports(shooting('sheng', sheng, 20), [english]).map((l) => l.id)).toEqual(['en']);
    }
    expect(canonicalWords('Makarao wanaachilia risasi, sanse wameshoot kijana, amekufa')).toEqual(['police', 'shoot', 'police', 'shoot', 'youths', 'killed']);
  });

  it('reads a protest told in Swahili and in English as one ("waandamanaji", "maandamano", "demo"; teargas fired is no shooting), and two protests in two estates as two', () => {
    const KISUMU = 42;
    const protest = (id: string, place: string, story: string, minutes: number) =>
      report({ id, county: KISUMU, category: 'p_force', place, createdAt: new Date(Date.UTC(2027, 7, 10, 11, minutes)), incidentAt: new Date(Date.UTC(2027, 7, 10, 11, minutes)), story });
    const english = protest('en', 'Kisumu CBD', 'Police are firing teargas at protesters', 0);
    for (const sw of ['Polisi wanarusha vitoa machozi kwa waandamanaji', 'Polisi wanatupa teargas kwa maandamano', 'Karao wanarushia demo teargas']) {
      expect(linkReports(protest('sw', 'Kisumu town', sw, 25), [english]).map((l) => l.id)).toEqual(['en']);
    }
    expect(canonicalWords('Waandamanaji wanaandamana, maandamano, demonstrators; police fired teargas')).toEqual(['protest', 'protest', 'protest', 'protest', 'police', 'teargas']);
    expect(linkReports(protest('nyalenda', 'Nyalenda', 'Polisi wanarusha vitoa machozi kwa waandamanaji', 25), [protest('kondele', 'Kondele', 'Police are firing teargas at protesters', 0)])).toEqual([]);
  });

  it('reads a town by the short name people type ("Eldy" is Eldoret, "Naks" Nakuru): one place, not two', () => {
    for (const [county, short, full] of [[27, 'Eldy town', 'Eldoret town'], [32, 'Naks, Free Area', 'Nakuru Free Area']] as const) {
      const a = report({ id: 'a', county, category: 'p_force', place: full, story: 'Police are beating hawkers and taking their goods' });
      const b = report({ id: 'b', county, category: 'p_force', place: short, story: 'Askari wanapiga wachuuzi na kuchukua mali yao', createdAt: at('2027-08-10T07:40:00Z'), incidentAt: at('2027-08-10T07:40:00Z') });
      expect(find(explainPair(b, a)!.reasons, 'different_place')).toBeUndefined();
      expect(linkReports(b, [a]).map((l) => l.id)).toEqual(['a']);
    }
  });

  it('counts two different plates against a link', () => {
    const other = report({ ...swahili, id: 'sw-2', story: swahili.story!.replace('kda123a', 'KCB 456Z') });
    const pair = explainPair(other, english)!;
    expect(find(pair.reasons, 'different_plates')).toMatchObject({ a: ['KCB 456Z'], b: ['KDA 123A'] });
    expect(pair.score).toBeLessThan(explainPair(swahili, english)!.score);
  });

  it('never links across counties, nor a report to itself', () => {
    expect(linkReports(swahili, [{ ...english, county: 1 }])).toEqual([]);
    const index = new TriageIndex();
    index.add(english);
    expect(index.link(english)).toEqual([]);
  });
});

describe('triage: deterministic and order-free', () => {
  const fx = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/triage/reports.json'), 'utf8')) as Fixture;
  const reports: TriageReport[] = fx.reports.map((r) => ({ ...r, createdAt: new Date(r.createdAt), incidentAt: new Date(r.incidentAt) }));

  /** A fixed permutation (no Math.random: a failure must be reproducible). */
  const shuffled = <T>(xs: T[], seed: number) =>
    xs
      .map((x, i) => ({ x, k: (i * 2654435761 + seed * 40503) % 4294967291 }))
      .sort((a, b) => a.k - b.k)
      .map((e) => e.x);

  it('gives the same candidates, scores and reasons whatever the order of the recent reports', () => {
    const queries = reports.filter((_r, i) => i % 15 === 0);
    for (const q of queries) {
      const recent = reports.filter((r) => r.id !== q.id);
      const expected = linkReports(q, recent);
      for (const seed of [1, 2, 3]) expect(linkReports(q, shuffled(recent, seed))).toEqual(expected);
    }
  });

  it('scores a pair the same from either side', () => {
    for (let i = 0; i < reports.length; i += 7) {
      for (let j = i + 1; j < reports.length; j += 11) {
        expect(explainPair(reports[i], reports[j])?.score).toBe(explainPair(reports[j], reports[i])?.score);
      }
    }
  });

  it('explains a linked pair from the back the same from the index as from the two reports (what the other ticket page shows)', () => {
    const index = new TriageIndex();
    for (const r of reports) index.add(r);
    let explained = 0;
    for (let i = 0; i < reports.length; i += 5) {
      for (const link of index.link(reports[i])) {
        const other = reports.find((r) => r.id === link.id)!;
        expect(index.explainHeld(link.id, reports[i])).toEqual(explainPair(other, reports[i]));
        explained++;
      }
    }
    expect(explained).toBeGreaterThan(50);
    // The new report no longer held (pruned meanwhile): its features are computed, same answer.
    const gone = reports.find((r) => index.link(r).length > 0)!;
    const held = reports.find((r) => r.id === index.link(gone)[0].id)!;
    index.remove(gone.id);
    expect(index.explainHeld(held.id, gone)).toEqual(explainPair(held, gone));
    expect(index.explainHeld(held.id, gone)).not.toBeNull();
    expect(index.explainHeld(gone.id, held)).toBeNull();
  });

  it('the quick score the index filters with equals the explained score', () => {
    const features = reports.map(featuresOf);
    // 32,000 pairs, compared here and asserted once: an expect() a pair was most of this test's time.
    const differing: { query: string; other: string; quick: number | null; explained: number | null }[] = [];
    for (let i = 0; i < features.length; i += 3) {
      const scorer = new QueryScorer(features[i], 48);
      for (const f of features) {
        const quick = scorer.score(f);
        const explained = scorePair(features[i], f, 48)?.score ?? null;
        if (!Object.is(quick, explained)) differing.push({ query: features[i].report.id, other: f.report.id, quick, explained });
      }
    }
    expect(differing).toEqual([]);
  });

  it('a store fetching linkWindow(report) hands linkReports every report the index would consider', () => {
    for (const q of reports.filter((_r, i) => i % 10 === 0)) {
      const w = linkWindow(q);
      const fetched = reports.filter((r) => w.counties.includes(r.county) && r.incidentAt >= w.from && r.incidentAt <= w.to);
      const all = { threshold: 0, limit: Number.MAX_SAFE_INTEGER };
      expect(linkReports(q, fetched, all)).toEqual(linkReports(q, reports, all));
    }
  });

  it('forgets reports older than asked', () => {
    const index = new TriageIndex();
    for (const r of reports) index.add(r);
    const cut = new Date('2027-08-10T00:00:00Z');
    const removed = index.prune(cut);
    expect(removed).toBe(reports.filter((r) => featuresOf(r).to < cut.getTime()).length);
    expect(index.size).toBe(reports.length - removed);
  });
});

describe('triage: a disappearance told as not knowing where they are', () => {
  const taken = { kind: 'police', category: 'p_disappear', county: 42, when: 'date', place: 'Kondele', incidentAt: at('2027-08-09T21:00:00Z') } as const;
  const english = report({ ...taken, id: 'dis-en', createdAt: at('2027-08-10T07:00:00Z'), story: "Police officers took my brother Otieno from our house on Monday night and since then we don't know where he is. They will not tell us." });
  const swahili = report({ ...taken, id: 'dis-sw', createdAt: at('2027-08-10T09:00:00Z'), story: 'Polisi walimchukua jirani yetu usiku wa Jumatatu nyumbani kwake, hadi sasa hatujui yuko wapi na hawasemi.' });

  it('links the two tellings of one disappearance, as "missing" and "amepotea" are linked: both say someone is missing', () => {
    const [link] = linkReports(swahili, [english]);
    expect(link).toMatchObject({ id: 'dis-en' });
    expect(find(link.reasons, 'same_details')?.concepts).toContain('missing');
  });

  it.each([
    ["we don't know where he is", 'missing'],
    ['nobody knows where they took him', 'missing'],
    ['hatujui yuko wapi', 'missing'],
    ['hatujui amepelekwa wapi', 'missing'],
    ['hajaonekana tangu jana', 'missing'],
    ['hatujamwona tangu hapo', 'missing'],
    // One list (DISAPPEARED_WORDS) for every "not known where": the person, or the people, taken.
    ['hatujui alipo', 'missing'],
    ['haijulikani alipo', 'missing'],
    ['hatujui walipo', 'missing'],
    ['hajulikani aliko', 'missing'],
  ])('%j reads as %s', (text, word) => {
    expect(canonicalWords(text)).toContain(word);
  });

  it('"where they were taking me" (the one taken, telling it) is no disappearance', () => {
    expect(canonicalWords("I didn't know where they were taking me")).not.toContain('missing');
  });
});

describe('triage: reading English, Swahili and Sheng', () => {
  it.each([
    ['Polisi walitaka kitu kidogo', ['police', 'demand', 'bribe']],
    ['the cops asked for a bribe', ['police', 'bribe']],
    ['walinipiga jana usiku', ['beat', 'night']],
    ['kituo cha kupigia kura', ['pollingstation']],
    ['wapiga kura walipigwa', ['voter', 'beat']],
    ['alipigwa risasi', ['shoot']],
    ['walitaka mia tano', ['demand', '500']],
    // Sums as Swahili speakers say and type them: one sum, not "2000 and 500".
    ['walitaka elfu mbili na mia tano', ['demand', '2500']],
    ['alitoa elfu ishirini', ['pay', '20000']],
    ['mia tatu na hamsini', ['350']],
    ['elfu kumi na tano', ['15000']],
    ['they wanted 2k then 2.5k', ['demand', '2000', '2500']],
    ['walitaka 2000 na 500', ['demand', '2000', '500']],
    ['elfu mbili mia tano', ['2500']],
    ['elfu mbili na mia tano na hamsini', ['2550']],
    ['watu hamsini na tano walikamatwa', ['people', 'hamsini', 'tano', 'arrest']],
    ['gari KCB 123K', ['gari', 'kcb', '123k']],
    // "Mbao" alone is 20 shillings (Sheng); planks someone owns are not a sum.
    ['walichukua mbao', ['walichukua', '20']],
    ['waliiba mbao zangu', ['waliiba', 'mbao', 'zangu']],
    ['walichukua mbao zetu', ['walichukua', 'mbao', 'zetu']],
    ['he gave me a punch', ['pay', 'beat']],
    // "Alinipiga punch": a blow, as in English; "punch" is 1000 shillings only as money.
    ['alinipiga punch', ['beat', 'beat']],
    // "Chai" asked for or handed over is a bribe; given to the reporter it is tea, no word of the incident.
    ['askari walitaka chai', ['police', 'demand', 'bribe']],
    // "Aliitisha" (asked for: a tense, then "itisha") is a demand, never a threat ("alinitisha", "walinitishia").
    ['askari aliitisha hongo', ['police', 'demand', 'bribe']],
    ['aliitisha kitambulisho', ['demand', 'idcard']],
    ['waliniitisha elfu mbili', ['demand', '2000']],
    ['alinitisha', ['threat']],
    ['walinitishia', ['threat']],
    ['wanatutisha', ['threat']],
    ['walinipa chai', ['walinipa']],
    ['they gave us chai', ['pay']],
    ['walitoa ksh 2k', ['pay', 'shillings', '2000']],
    ['Karao wa Murang’a', ['police', 'muranga']],
    // "wahudumu" serve (IEBC clerks, Ripoti's staff): not boda riders.
    ['Wahudumu wa IEBC walichelewa kufika', ['wahudumu', 'iebc', 'late', 'kufika']],
    // What retention writes for a forgotten reporter's name or number is no word of theirs; a long
    // bracketed aside is.
    ["[name withheld]'s kiosk, call [phone number withheld]", ['kiosk', 'call']],
    ['Mimi ni [jina limefichwa], nipigie [nambari ya simu imefichwa]', ['nipigie']],
    ['[polisi walichukua pesa yetu yote ya soko]', ['police', 'walichukua', 'money', 'yote', 'market']],
  ])('%s', (text, words) => {
    expect(canonicalWords(text)).toEqual(words);
  });

  it('finds Kenyan plates however they are typed, and not sums of money', () => {
    expect(findPlates('matatu kda123a', 'KDA 123A', 'gari GKB 456C', 'boda KMDA 789B')).toEqual(['GKB456C', 'KDA123A', 'KMDA789B']);
    expect(findPlates('they took ksh 500 a day')).toEqual([]);
  });
});
