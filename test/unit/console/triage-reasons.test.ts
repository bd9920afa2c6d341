import { reasonText } from '../../../src/console/triage-view';
import { explainPair, type LinkReason, type TriageReport } from '../../../src/domain/triage';
import { DETAILS, GENERIC, PHRASES, STEMS, WORDS } from '../../../src/domain/triage/lexicon';
import { Translator } from '../../../src/i18n';

/** Why two tickets look alike, as an agent reads it: in their language, and true to what each reporter said. */
let tr: Translator;
beforeAll(async () => {
  tr = await Translator.create();
});

const report = (over: Partial<TriageReport> & Pick<TriageReport, 'id'>): TriageReport => ({
  kind: 'election',
  category: 'e_bribery',
  county: 47,
  createdAt: new Date('2027-08-09T09:00:00Z'),
  incidentAt: new Date('2027-08-09T09:00:00Z'),
  when: 'now',
  place: 'Moi Avenue Primary School',
  story: 'An agent was handing out money to voters in the queue at the polling station.',
  ...over,
});

const lines = (reasons: LinkReason[], lang: 'en' | 'sw') => reasons.map((r) => reasonText(tr, lang, r));

it('a Swahili-speaking agent reads the shared details in Swahili, not the linker\'s English tokens', () => {
  const en = report({ id: 'a', story: 'Youths in a government vehicle were handing out money in the queue.' });
  const pair = explainPair(report({ id: 'b', story: 'Vijana kwenye gari la serikali walikuwa wakigawa pesa kwenye foleni.' }), en)!;
  const sw = lines(pair.reasons, 'sw').join('\n');
  expect(sw).toMatch(/Zote zinataja: .*gari la serikali/);
  expect(sw).toMatch(/Zote zinataja: .*foleni/);
  expect(sw).not.toMatch(/govvehicle|\bqueue\b/);
  const english = lines(pair.reasons, 'en').join('\n');
  expect(english).toMatch(/Both mention: .*government vehicle/);
  expect(english).not.toContain('govvehicle');
});

it('"the same time" only when both gave a time; a day-only answer reads as the same day', () => {
  const timed = explainPair(report({ id: 'b', createdAt: new Date('2027-08-09T09:02:00Z'), incidentAt: new Date('2027-08-09T09:02:00Z') }), report({ id: 'a' }))!;
  expect(lines(timed.reasons, 'en')).toContain('Happened at about the same time');
  // The other reporter said only "today", an hour after the first's "now".
  const dayOnly = explainPair(report({ id: 'c', when: 'today', createdAt: new Date('2027-08-09T10:00:00Z'), incidentAt: new Date('2027-08-08T21:00:00Z') }), report({ id: 'a' }))!;
  expect(lines(dayOnly.reasons, 'en')).toContain('On the same day (one report gave only the day)');
  expect(lines(dayOnly.reasons, 'en')).not.toContain('Happened at about the same time');
  expect(lines(dayOnly.reasons, 'sw')).toContain('Siku ileile (ripoti moja ilitaja siku tu)');
  // "Today", said at 20:00 (Kenyan time), and "now" an hour later: the same day, but the first
  // had happened before 20:00, so not one moment.
  const evening = explainPair(
    report({ id: 'd', when: 'today', createdAt: new Date('2027-08-09T17:00:00Z'), incidentAt: new Date('2027-08-08T21:00:00Z') }),
    report({ id: 'e', createdAt: new Date('2027-08-09T18:00:00Z'), incidentAt: new Date('2027-08-09T18:00:00Z') }),
  )!;
  expect(lines(evening.reasons, 'en')).toContain('Not at the same time (one report gave only the day)');
  expect(lines(evening.reasons, 'en')).not.toContain('On different days (one report gave only the day)');
  const yesterday = explainPair(report({ id: 'f', when: 'yesterday', incidentAt: new Date('2027-08-07T21:00:00Z') }), report({ id: 'a' }))!;
  expect(lines(yesterday.reasons, 'sw')).toContain('Hayakutokea wakati mmoja (ripoti moja ilitaja siku tu)');
});

it('a link across a county line names both counties, in the agent\'s language', () => {
  const pair = explainPair(report({ id: 'b', county: 22, place: 'Moi Avenue Primary', story: 'Wakala alikuwa akigawa pesa kwa wapiga kura kwenye foleni ya kituo cha kupigia kura.' }), report({ id: 'a', county: 47 }))!;
  expect(lines(pair.reasons, 'en')).toContain('Neighbouring counties: Kiambu and Nairobi City');
  expect(lines(pair.reasons, 'sw')).toContain('Kaunti jirani: Kiambu na Nairobi City');
  expect(lines(pair.reasons, 'en')).not.toContain('Both in Kiambu');
});

it('a report the agent may not open: its typed place is not quoted, only the words both places share', () => {
  const pair = explainPair(report({ id: 'b', place: 'Moi Avenue Primary, near Plot 23 where Wanjiku lives' }), report({ id: 'a' }))!;
  const similar = pair.reasons.find((r) => r.code === 'similar_place')!;
  expect(reasonText(tr, 'en', similar)).toContain('Plot 23 where Wanjiku lives');
  const closed = reasonText(tr, 'en', similar, true)!;
  expect(closed).toMatch(/^Similar place \(both name .*moi/i);
  expect(closed).not.toContain('Wanjiku');
  expect(reasonText(tr, 'sw', similar, true)).toMatch(/^Mahali panafanana \(zote zinataja /);
  const apart = explainPair(report({ id: 'c', place: 'Kibera, house of Otieno' }), report({ id: 'a' }))!.reasons.find((r) => r.code === 'different_place')!;
  expect(reasonText(tr, 'en', apart, true)).toBe('Different places');
});

it('a report the agent may not open, naming a place where this one named none: the words shown are this report\'s own, not its spelling of them', () => {
  // Reasons are stored from the page's own side (`a`): this report told the place only in its story.
  const mine = report({ id: 'a', kind: 'police', category: 'p_arrest', place: undefined, story: 'Polisi walitukamata nje ya duka la Akinyi Kariobangi wakadai pesa.' });
  const theirs = report({ id: 'b', kind: 'police', category: 'p_arrest', place: 'Duka la Akinyis, Kariobangii', story: 'Police arrested us outside and demanded money.' });
  const similar = explainPair(mine, theirs)!.reasons.find((r) => r.code === 'similar_place')!;
  const closed = reasonText(tr, 'en', similar, true)!;
  expect(closed).toMatch(/^Similar place \(both name .*akinyi/i);
  // The other reporter's own spelling ("Akinyis", "Kariobangii") is what only their report says.
  expect(closed).not.toMatch(/akinyis|kariobangii/i);
  expect(closed).toMatch(/kariobangi\b/i);
});

it('a report the agent may not open: its vehicle plates and sums of money are not quoted either', () => {
  const theirs = report({ id: 'b', category: 'p_bribery', kind: 'police', story: 'Officers in vehicle KDA 123A stopped our matatu and took 5000 shillings from the driver.' });
  const mine = report({ id: 'a', category: 'p_bribery', kind: 'police', story: 'Officers in vehicle KCB 456B stopped our matatu and took 200 shillings from the driver.' });
  const reasons = explainPair(theirs, mine)!.reasons;
  const plates = reasons.find((r) => r.code === 'different_plates')!;
  const sums = reasons.find((r) => r.code === 'different_amounts')!;
  // The agent holding both sees both sides; one who may not open the other report sees neither.
  expect(reasonText(tr, 'en', plates)).toMatch(/KDA ?123A/);
  expect(reasonText(tr, 'en', sums)).toContain('5000');
  for (const lang of ['en', 'sw'] as const) {
    const closed = [reasonText(tr, lang, plates, true), reasonText(tr, lang, sums, true)].join('\n');
    expect(closed).not.toMatch(/KDA|KCB|5000|200\b/);
  }
  expect(reasonText(tr, 'en', plates, true)).toBe('Different vehicle plates');
  expect(reasonText(tr, 'sw', sums, true)).toBe('Kiasi tofauti cha pesa');
});

it('every word the linker can name as shared has its word in both languages ("maandamano", not "protest", for a Swahili-speaking agent)', () => {
  const protest = explainPair(report({ id: 'b', kind: 'police', category: 'p_force', story: 'Polisi wanarusha vitoa machozi kwa waandamanaji' }), report({ id: 'a', kind: 'police', category: 'p_force', story: 'Police are firing teargas at protesters' }))!;
  expect(lines(protest.reasons, 'sw').join('\n')).toMatch(/Zote zinataja: .*maandamano/);
  // Shown: shared details and story words that are not generic (GENERIC words are never listed).
  const shown = new Set([...Object.values(WORDS), ...STEMS.map(([, w]) => w), ...PHRASES.map(([, w]) => w.trim()), ...DETAILS].filter((w) => w && !GENERIC.has(w)));
  for (const lang of ['en', 'sw'] as const) {
    expect([...shown].filter((w) => !tr.t(lang, `triage:word.${w}`, { defaultValue: '' }))).toEqual([]);
  }
});
