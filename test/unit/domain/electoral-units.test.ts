import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTIES, ElectoralUnits, type ElectoralUnitsData } from '../../../src/domain';

const raw = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'kenya-electoral-units.json'), 'utf8')) as ElectoralUnitsData;
const units = ElectoralUnits.fromData(raw);
const code = (name: string): number => {
  const m = units.matchConstituency(name);
  if (m.kind !== 'exact') throw new Error(`${name}: ${m.kind}`);
  return m.unit.code;
};

describe('IEBC electoral units (data/kenya-electoral-units.json)', () => {
  it('has 47 counties, 290 constituencies and 1,450 wards, every code once, in IEBC order', () => {
    expect(units.counts).toEqual({ counties: 47, constituencies: 290, wards: 1450 });
    const constituencyCodes = raw.counties.flatMap((c) => c.constituencies.map((k) => k.code));
    const wardCodes = raw.counties.flatMap((c) => c.constituencies.flatMap((k) => k.wards.map((w) => w.code)));
    expect(constituencyCodes).toEqual(Array.from({ length: 290 }, (_, i) => i + 1));
    expect(wardCodes).toEqual(Array.from({ length: 1450 }, (_, i) => i + 1));
    expect(raw.source).toMatch(/kenya-locations@0\.1\.8/);
  });

  it('uses the official county codes (same as src/domain/counties)', () => {
    for (const c of raw.counties) expect(COUNTIES[c.code - 1].name.replace(' City', '')).toBe(c.name);
  });

  it('puts known constituencies and wards where they are', () => {
    expect(units.matchConstituency('Kasarani')).toEqual({ kind: 'exact', unit: { code: 280, name: 'Kasarani', countyCode: 47 } });
    expect(units.matchConstituency('lurambi')).toMatchObject({ kind: 'exact', unit: { name: 'Lurambi', countyCode: 37 } });
    expect(units.matchConstituency('Changamwe')).toMatchObject({ kind: 'exact', unit: { code: 1, countyCode: 1 } });
    expect(units.wardsOf(280).map((w) => w.name)).toEqual(['Claycity', 'Mwiki', 'Kasarani', 'Njiru', 'Ruai']);
    expect(units.wardsOf(202).map((w) => w.name)).toContain('Sheywe');
    expect(units.ward(1450)).toMatchObject({ countyCode: 47 });
    expect(units.constituenciesOf(47)).toHaveLength(17);
  });

  it('marks the two wards named from the second package', () => {
    expect(raw.supplementedWardCodes).toEqual([737, 1344]);
    expect(units.ward(737)).toMatchObject({ name: "Cherang'any/Chebororwa", constituencyCode: code('Marakwet West') });
    expect(units.ward(1344)).toMatchObject({ name: 'Kitutu Central', constituencyCode: code('Kitutu Chache South') });
  });
});

describe('matching typed names', () => {
  it('ignores case, punctuation and the words people add', () => {
    expect(units.matchConstituency("Lang'ata constituency")).toMatchObject({ kind: 'exact', unit: { code: 277 } });
    expect(units.matchConstituency('eneo bunge la Kibra')).toMatchObject({ kind: 'exact', unit: { code: 278 } });
    expect(units.matchConstituency('Mount Elgon')).toMatchObject({ kind: 'exact', unit: { code: 216 } });
    expect(units.matchWard('wadi ya Sheywe')).toMatchObject({ kind: 'exact', unit: { code: 1012, constituencyCode: 202 } });
  });

  it('knows names people use for renamed constituencies', () => {
    expect(units.matchConstituency('Suba North')).toMatchObject({ kind: 'exact', unit: { name: 'Mbita' } });
    expect(units.matchConstituency('Soin Sigowet')).toMatchObject({ kind: 'exact', unit: { name: 'Sigowet/Soin' } });
  });

  it('accepts either half of a double ward name', () => {
    expect(units.matchWard('Olare', { constituencyCode: code('Ainabkoi') })).toMatchObject({ kind: 'exact', unit: { name: 'Ainabkoi/Olare' } });
    expect(units.matchWard('highridge', { countyCode: 47 })).toMatchObject({ kind: 'exact', unit: { name: 'Parklands/Highridge' } });
  });

  it('says a repeated ward name is ambiguous nationally but exact within its constituency', () => {
    const national = units.matchWard('Township');
    expect(national.kind).toBe('ambiguous');
    expect(national.kind === 'ambiguous' && national.units.length).toBeGreaterThan(5);
    expect(units.matchWard('Township', { constituencyCode: code('Garissa Township') })).toMatchObject({ kind: 'exact' });
    expect(units.matchWard('Kasarani', { countyCode: 47 })).toMatchObject({ kind: 'exact', unit: { constituencyCode: 280 } });
  });

  it('suggests close names for misspellings instead of guessing, and nothing for noise', () => {
    const firstSuggestion = (m: ReturnType<typeof units.matchWard> | ReturnType<typeof units.matchConstituency>) => (m.kind === 'suggest' ? m.units[0].name : m.kind);
    expect(firstSuggestion(units.matchConstituency('Kasarni'))).toBe('Kasarani');
    expect(firstSuggestion(units.matchConstituency('Embakasi Nort'))).toBe('Embakasi North');
    expect(firstSuggestion(units.matchWard('Sheiwe', { constituencyCode: 202 }))).toBe('Sheywe');
    expect(units.matchConstituency('Gotham City')).toEqual({ kind: 'none' });
    expect(units.matchConstituency('  ')).toEqual({ kind: 'none' });
    // A scope excludes units elsewhere: Kasarani is not in Mombasa.
    expect(units.matchConstituency('Kasarani', { countyCode: 1 }).kind).not.toBe('exact');
  });

  it('takes a ward typed with a slip ("Roysambo") when one ward is that close and nearer than any other; no guess otherwise', () => {
    expect(units.closeWard('Roysambo', { countyCode: 47 })).toMatchObject({ name: 'Roysambu', countyCode: 47 });
    expect(units.closeWard('wadi ya Roysambo', { countyCode: 47 })).toMatchObject({ name: 'Roysambu' });
    expect(units.closeWard('Kahawa Wset', { countyCode: 47 })).toMatchObject({ name: 'Kahawa West' });
    expect(units.closeWard('Kawangwre', { countyCode: 47 })).toMatchObject({ name: 'Kawangware' });
    // Too far, too short to tell, or another county's ward: none.
    for (const typed of ['Nyalenda A', 'Kilimani ilikuwa na fujo sana jana', 'Roy', 'Gotham City']) expect([typed, units.closeWard(typed, { countyCode: 47 })]).toEqual([typed, undefined]);
    // Everyday words a slip or two from a ward's name: "wadi ni salama" (the ward is calm) is not Kalama, "nyumbani" (at home) not Nzambani.
    expect([units.closeWard('salama', { countyCode: 16 }), units.closeWard('nyumbani', { countyCode: 15 }), units.closeWard('nyumbani', { countyCode: 17 })]).toEqual([undefined, undefined, undefined]);
    // Five letters are too few for a slip: "ward ni mbali" (far) is not Mbale, "ndogo" (small) not Ndoto, "ndani" (inside) not Ndanai, "mlima" (hill) not Milima, "urban" not Uran.
    const short = [['mbali', 'Taita-Taveta'], ['mbele', 'Taita-Taveta'], ['ndogo', 'Samburu'], ['ndani', 'Bomet'], ['mlima', 'Bungoma'], ['urban', 'Marsabit'], ['large', 'Nakuru']];
    for (const [typed, county] of short) expect([typed, county, units.closeWard(typed, { countyCode: COUNTIES.find((c) => c.name === county)!.code })]).toEqual([typed, county, undefined]);
  });

  it('refuses data that is not the expected shape', () => {
    expect(() => ElectoralUnits.fromData({ source: 'x', counties: [{ code: 1, name: 'A', constituencies: [{ code: 'x' }] }] })).toThrow(/counties -> constituencies -> wards/);
    const dup = { source: 'x', counties: [{ code: 1, name: 'A', constituencies: [{ code: 1, name: 'B', wards: [{ code: 1, name: 'C' }, { code: 1, name: 'D' }] }] }] };
    expect(() => ElectoralUnits.fromData(dup)).toThrow(/repeats/);
  });
});
