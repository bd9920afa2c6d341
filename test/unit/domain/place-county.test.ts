import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countiesOfPlace, ElectoralUnits, placeOutsideCounty, townOutsideCounty, type ElectoralUnitsData } from '../../../src/domain';

const units = ElectoralUnits.fromData(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'kenya-electoral-units.json'), 'utf8')) as ElectoralUnitsData);
const MOMBASA = 1;
const KIAMBU = 22;
const NAKURU = 32;
const NAIROBI = 47;

describe('a place typed before its county was chosen, and the county chosen (placeOutsideCounty)', () => {
  it('a known town of another county: its county, so the place is asked again ("Kayole, Mombasa" reached no agency)', () => {
    expect(placeOutsideCounty('Kayole', MOMBASA, units)).toEqual([NAIROBI]);
    expect(placeOutsideCounty('kayole', MOMBASA, units)).toEqual([NAIROBI]);
    expect(placeOutsideCounty('Likoni', NAIROBI, units)).toEqual([MOMBASA]);
  });

  it('a town in two counties is outside only a third one ("Githurai 45": Nairobi City or Kiambu)', () => {
    expect(placeOutsideCounty('Githurai 45', NAKURU, units)).toEqual([NAIROBI, KIAMBU]);
    expect(placeOutsideCounty('Githurai 45', KIAMBU, units)).toBeUndefined();
    expect(placeOutsideCounty('Githurai 45', NAIROBI, units)).toBeUndefined();
  });

  it('a constituency typed by its exact name counts as a known place ("Roysambu": Nairobi City)', () => {
    expect(placeOutsideCounty('Roysambu', MOMBASA, units)).toEqual([NAIROBI]);
    expect(placeOutsideCounty('Roysambu', NAIROBI, units)).toBeUndefined();
  });

  it('a ward name alone says no county: neighbourhoods across Kenya share ward names ("Majengo", a ward in Mombasa, is also in Nyeri, Nairobi and more; "Airport")', () => {
    for (const place of ['Majengo', 'Airport']) {
      expect([place, countiesOfPlace(place, units)]).toEqual([place, undefined]);
      expect([place, placeOutsideCounty(place, 19, units)]).toEqual([place, undefined]);
    }
  });

  it('a name in more than two counties ("Township") says no county: kept as today', () => {
    expect(placeOutsideCounty('Township', MOMBASA, units)).toBeUndefined();
  });

  it('the town of the county chosen: kept as today', () => {
    expect(placeOutsideCounty('Kayole', NAIROBI, units)).toBeUndefined();
    expect(placeOutsideCounty('Kisauni', MOMBASA, units)).toBeUndefined();
  });

  it('a place phrase, or a name no list knows, has no known county: kept as today', () => {
    for (const place of ['kituo cha polisi cha Kasarani', 'the stage near Kencom', 'Kayole stage', 'Free Area', 'near the chief camp']) {
      expect([place, placeOutsideCounty(place, MOMBASA, units)]).toEqual([place, undefined]);
    }
  });
});

describe('the county a place typed before the county question lies in, offered there (countiesOfPlace)', () => {
  it('a known town or estate: its county ("Kayole": Nairobi City; "Kondele": Kisumu)', () => {
    expect(countiesOfPlace('Kayole', units)).toEqual([NAIROBI]);
    expect(countiesOfPlace('kayole', units)).toEqual([NAIROBI]);
    expect(countiesOfPlace('Likoni', units)).toEqual([MOMBASA]);
    expect(countiesOfPlace('Kondele', units)).toEqual([42]);
  });

  it('a town in two counties: both ("Githurai 45": Nairobi City or Kiambu; "Rongai": Kajiado or Nakuru)', () => {
    expect(countiesOfPlace('Githurai 45', units)).toEqual([NAIROBI, KIAMBU]);
    expect(countiesOfPlace('Rongai', units)).toEqual([34, NAKURU]);
  });

  it('a constituency by its exact name ("Roysambu"): its county', () => {
    expect(countiesOfPlace('Roysambu', units)).toEqual([NAIROBI]);
  });

  it('a name in more than two counties, a place phrase or a name no list knows: no county to offer', () => {
    for (const place of ['Township', 'kituo cha polisi cha Kasarani', 'the stage near Kencom', 'Kayole stage', 'Free Area', 'near the chief camp']) {
      expect([place, countiesOfPlace(place, units)]).toEqual([place, undefined]);
    }
  });
});

describe('a known town of another county typed where the place is asked (townOutsideCounty)', () => {
  it('a town none of whose counties is the one chosen: its county ("Thika" at "Where in Nakuru?": Kiambu)', () => {
    expect(townOutsideCounty('Thika', NAKURU, units)).toEqual([KIAMBU]);
    expect(townOutsideCounty('thika town', NAKURU, units)).toEqual([KIAMBU]);
    expect(townOutsideCounty('Kayole', MOMBASA, units)).toEqual([NAIROBI]);
  });

  it('a town in two counties, neither chosen: both ("Githurai 45" at "Where in Nakuru?")', () => {
    expect(townOutsideCounty('Githurai 45', NAKURU, units)).toEqual([NAIROBI, KIAMBU]);
    expect(townOutsideCounty('Rongai', MOMBASA, units)).toEqual([34, NAKURU]);
  });

  it('a town of the county chosen, or of one of its two: kept as the place', () => {
    expect(townOutsideCounty('Thika', KIAMBU, units)).toBeUndefined();
    expect(townOutsideCounty('Githurai 45', KIAMBU, units)).toBeUndefined();
    expect(townOutsideCounty('Rongai', NAKURU, units)).toBeUndefined();
  });

  it('a ward or constituency of the county chosen by that name: kept ("Umoja", an estate of Nairobi, is a ward of Nakuru)', () => {
    expect(townOutsideCounty('Umoja', NAKURU, units)).toBeUndefined();
    expect(townOutsideCounty('Mbale', 6, units)).toBeUndefined();
    expect(townOutsideCounty('Umoja', MOMBASA, units)).toEqual([NAIROBI]);
  });

  it('a place phrase, a story sentence, a ward or constituency of another county, a greeting: no question', () => {
    for (const place of ['Thika road', 'stage ya Thika', 'near Thika', 'Mombasa road', 'Roysambu', 'Hola', 'hola!', 'they beat me in Thika', 'Kayole stage']) {
      expect([place, townOutsideCounty(place, NAKURU, units)]).toEqual([place, undefined]);
    }
  });

  it('a county\'s own name or short form is no town here (countyNamedAtPlace asks about it): "Taveta", "Nairobi"', () => {
    for (const name of ['Taveta', 'Nairobi', 'Nakuru town', 'msa']) expect([name, townOutsideCounty(name, KIAMBU, units)]).toEqual([name, undefined]);
  });
});
