/**
 * The place question's answer said in a sentence ("ni Thika", "it was in Thika", "ilikuwa pale
 * Kencom"): the place is what follows the words that only lead into it, as an agency reads it on
 * the case file and as the county checks compare it with the county chosen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTIES, TOWNS } from '../../../src/domain';
import { placeWithoutLead } from '../../../src/bot/wizard/place-words';

const read = (input: string) => placeWithoutLead(input);

describe('placeWithoutLead', () => {
  it.each([
    ['ni Thika', 'Thika'],
    ['it was in Thika', 'Thika'],
    ['It was at Kencom', 'Kencom'],
    ['ilikuwa Kayole', 'Kayole'],
    ['ilikuwa pale Kencom', 'Kencom'],
    ['at Kencom', 'Kencom'],
    ['in Kayole', 'Kayole'],
    ['ndio Nairobi', 'Nairobi'],
    ['Ndiyo Nairobi', 'Nairobi'],
    ['hapa Githurai', 'Githurai'],
    ['hapa Githurai 45', 'Githurai 45'],
    ['iko Thika road', 'Thika road'],
    ['kwenye soko ya Kibra', 'soko ya Kibra'],
    ['katika stage ya Kondele', 'stage ya Kondele'],
    // A known name however typed: "thika" is the town.
    ['ni thika', 'thika'],
    ['ilikuwa, Kayole', 'Kayole'],
  ])('"%s": the place is "%s"', (input, place) => {
    expect(read(input)).toBe(place);
  });

  it.each([
    // Nothing but the lead: nothing would be left, kept as typed (as before).
    'ni', 'at', 'pale', 'ilikuwa pale', 'it was in', 'ni pale',
    // No lead at all.
    'Thika', 'Kencom', 'Thika road', 'near the stage', 'karibu na soko',
    // A name that begins with the letters of a lead, in one word: never cut.
    'Ikolomani', 'Ikombe', 'Nithi', 'Athi River', 'Inoi',
    // What follows is no place: a time, a reason, an act, or a word we cannot tell is a name.
    'at night', 'in the morning', 'at 10pm', 'in pain', 'ni kweli', 'ni wao walinipiga', 'ni sawa',
    // A question.
    'ni Thika?',
  ])('"%s": kept as typed', (input) => {
    expect(read(input)).toBe(input);
  });

  it('no county, town, constituency or ward is cut: each name, as listed, stays whole', () => {
    type Named = { name: string; constituencies?: Named[]; wards?: Named[] };
    const data = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'kenya-electoral-units.json'), 'utf8')) as { counties: Named[] };
    const units = data.counties.flatMap((c) => (c.constituencies ?? []).flatMap((k) => [k.name, ...(k.wards ?? []).map((w) => w.name)]));
    const names = [...COUNTIES.map((c) => c.name), ...TOWNS.map((t) => t.name), ...units];
    expect(names.length).toBeGreaterThan(1700);
    expect(names.filter((n) => read(n) !== n)).toEqual([]);
  });
});
