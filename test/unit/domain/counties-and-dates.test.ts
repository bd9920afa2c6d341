import { COUNTIES, COUNTY_NAMES_SW, countyByCode, countyName, matchCounty, townNamed, TOWNS, parseIncidentDate, daySpelling, incidentTimeFor, checkText, checkReplyText, LIMITS, splitTime, timeAlone } from '../../../src/domain';

describe('counties', () => {
  it('lists the 47 counties with official codes', () => {
    expect(COUNTIES).toHaveLength(47);
    expect(countyByCode(1)?.name).toBe('Mombasa');
    expect(countyByCode(47)?.name).toBe('Nairobi City');
    expect(countyByCode(42)?.name).toBe('Kisumu');
    expect(countyByCode(0)).toBeUndefined();
    expect(countyByCode(48)).toBeUndefined();
  });

  it('matches typed names exactly, by alias, or by code', () => {
    expect(matchCounty('nairobi')).toEqual({ kind: 'exact', county: { code: 47, name: 'Nairobi City' } });
    expect(matchCounty('Kaunti ya Kisumu')).toMatchObject({ kind: 'exact', county: { code: 42 } });
    expect(matchCounty('muranga')).toMatchObject({ kind: 'exact', county: { code: 21 } });
    expect(matchCounty('32')).toMatchObject({ kind: 'exact', county: { code: 32 } });
    // Towns and short forms people give instead of the county, where the county is not in doubt.
    for (const [typed, code] of [['Likoni', 1], ['Dandora', 47], ['Thika', 22], ['Kitengela', 34], ['Naivasha', 32], ['Malindi', 3], ['Kibera', 47], ['Nai', 47], ['nrb', 47], ['Msa', 1], ['Athi River', 16], ['Ol Kalou', 18]] as const) {
      expect([typed, matchCounty(typed)]).toMatchObject([typed, { kind: 'exact', county: { code } }]);
    }
    // A town in two counties is not guessed.
    expect(matchCounty('Rongai').kind).not.toBe('exact');
  });

  it('towns and trading centres people name, beyond county seats and wards, are their county ("Mai Mahiu" is Nakuru)', () => {
    const towns: [string, number][] = [
      ['Mai Mahiu', 32], ['mai mahiu', 32], ['Salgaa', 32], ['Kikopey', 32], ['Namanga', 34], ['Loitokitok', 34], ['Isinya', 34], ['Sultan Hamud', 17],
      ['Kibwezi', 17], ['Kenol', 21], ['Naro Moru', 19], ['Nkubu', 12], ['Mpeketoni', 5], ['Burnt Forest', 27], ['Kendu Bay', 43], ['Oyugis', 43],
      ['Isebania', 44], ['Kehancha', 44], ['Ogembo', 45], ['Port Victoria', 40], ['Lwakhakha', 39], ['Kombewa', 42], ['Mamboleo', 42], ['Yala', 41],
      ['Buruburu', 47], ['South B', 47], ['Gikomba', 47], ['Wangige', 22], ['Banana Hill', 22], ['Bombolulu', 1], ['Archers Post', 25], ['Elwak', 9],
    ];
    for (const [typed, code] of towns) expect([typed, matchCounty(typed)]).toMatchObject([typed, { kind: 'exact', county: { code } }]);
    expect(matchCounty('Mai Mahiu town')).toMatchObject({ kind: 'exact', county: { code: 32 }, town: 'Mai Mahiu' });
  });

  it('names the town a county was given by, so the place can start with it; a town in two counties names both', () => {
    expect(matchCounty('Kitengela town')).toMatchObject({ kind: 'exact', county: { code: 34 }, town: 'Kitengela' });
    expect(matchCounty('Uasin Gishu')).not.toHaveProperty('town');
    expect(townNamed('Rongai')).toEqual({ name: 'Rongai', county: 34, also: 32 });
    expect(townNamed('Githurai')).toEqual({ name: 'Githurai', county: 47, also: 22 });
    expect(matchCounty('Bamburi')).toMatchObject({ kind: 'exact', county: { code: 1 }, town: 'Bamburi' });
    expect(townNamed('Gotham')).toBeUndefined();
  });

  it('"Hola", a town and a greeting, is no county typed alone; with "town" or "mjini" it is the town', () => {
    for (const typed of ['Hola', 'hola', 'Hola!', 'holla']) expect([typed, matchCounty(typed).kind]).toEqual([typed, 'none']);
    expect(townNamed('hola')).toMatchObject({ name: 'Hola', county: 4, greeting: true });
    expect(matchCounty('Hola town')).toMatchObject({ kind: 'exact', county: { code: 4 }, town: 'Hola' });
    expect(matchCounty('Hola mjini')).toMatchObject({ kind: 'exact', county: { code: 4 }, town: 'Hola' });
  });

  it('a town or county with a word for town ("mji wa Thika", "Thika town centre", "Nakuru township") is that town or county', () => {
    for (const typed of ['mji wa Thika', 'Thika town centre', 'Thika township', 'Thika centre']) {
      expect([typed, matchCounty(typed)]).toEqual([typed, { kind: 'exact', county: expect.objectContaining({ code: 22 }), town: 'Thika' }]);
      expect([typed, townNamed(typed)?.name]).toEqual([typed, 'Thika']);
    }
    expect(matchCounty('mji wa Nakuru')).toEqual({ kind: 'exact', county: expect.objectContaining({ code: 32 }) });
    expect(matchCounty('Kisumu township')).toEqual({ kind: 'exact', county: expect.objectContaining({ code: 42 }) });
    // The words alone are no county; nor is a name beside them made nearer a county than typed ("Mji wa Kale" is no "Kwale?").
    for (const typed of ['mji wa', 'town centre', 'township']) expect([typed, matchCounty(typed).kind]).toEqual([typed, 'none']);
    expect(matchCounty('Mji wa Kale').kind).toBe('none');
  });

  it('the towns list: real county codes, no name twice, none that is also a county name', () => {
    const keys = TOWNS.map((t) => t.name.toLowerCase().replace(/[^a-z]/g, ''));
    expect(new Set(keys).size).toBe(TOWNS.length);
    for (const town of TOWNS) {
      expect([town.name, countyByCode(town.county) !== undefined, town.also === undefined || countyByCode(town.also) !== undefined]).toEqual([town.name, true, true]);
      // A county's own name is the county, never a town of it.
      expect([town.name, COUNTIES.some((c) => c.name.toLowerCase() === town.name.toLowerCase())]).toEqual([town.name, false]);
    }
  });

  it('suggests the closest county for a misspelling instead of guessing', () => {
    expect(matchCounty('Nakru')).toMatchObject({ kind: 'suggest', county: { name: 'Nakuru' } });
    expect(matchCounty('Kakamenga')).toMatchObject({ kind: 'suggest', county: { name: 'Kakamega' } });
    expect(matchCounty('Gotham')).toEqual({ kind: 'none' });
    expect(matchCounty('   ')).toEqual({ kind: 'none' });
  });

  it('names West Pokot "Pokot Magharibi" in Swahili, as Kenyan Swahili news do; the others keep their official names', () => {
    expect(countyName(24, 'sw')).toBe('Pokot Magharibi');
    expect(countyName(24, 'en')).toBe('West Pokot');
    // Written the same way in Kiswahili: no invented translations ("Mto Tana", "Ghuba ya Homa").
    for (const code of [4, 6, 26, 43, 42]) expect(countyName(code, 'sw')).toBe(countyByCode(code)?.name);
    expect(Object.keys(COUNTY_NAMES_SW)).toEqual(['24']);
    expect(countyName(0, 'sw')).toBe('');
  });

  it('understands the Swahili name from anyone, typed with "Kaunti ya" or misspelt', () => {
    for (const typed of ['Pokot Magharibi', 'pokot magharibi', 'Kaunti ya Pokot Magharibi', 'POKOT-MAGHARIBI', 'West Pokot', 'pokot']) {
      expect(matchCounty(typed)).toEqual({ kind: 'exact', county: { code: 24, name: 'West Pokot' } });
    }
    expect(matchCounty('Pokot Magaribi')).toMatchObject({ kind: 'suggest', county: { code: 24 } });
    // "Magharibi" (west) alone names no county: not taken as one.
    expect(matchCounty('Magharibi').kind).not.toBe('exact');
  });
});

describe('incident dates', () => {
  const now = new Date('2026-08-09T10:00:00Z'); // 13:00 in Nairobi

  it('reads a day of the month in Swahili words, the usual misspellings, and "tarehe 5" after "mwezi uliopita" as last month\'s', () => {
    // Sunday 9 August 2026 in Nairobi.
    const day = (d: string) => ({ ok: true, date: new Date(`${d}T21:00:00Z`) });
    expect(parseIncidentDate('tarehe mbili mwezi huu', now)).toEqual(day('2026-08-01'));
    expect(parseIncidentDate('tarehe mbili', now)).toEqual(day('2026-08-01'));
    expect(parseIncidentDate('tarehe mosi', now)).toEqual(day('2026-07-31'));
    expect(parseIncidentDate('tarehe ishirini na tano', now)).toEqual(day('2026-07-24'));
    expect(parseIncidentDate('tarehe kumi na moja mwezi wa saba', now)).toEqual(day('2026-07-10'));
    expect(parseIncidentDate('the 2nd of this month', now)).toEqual(day('2026-08-01'));
    // Still never ahead of today, nor a day no month has.
    expect(parseIncidentDate('tarehe kumi mwezi huu', now)).toEqual({ ok: false, reason: 'future' });
    expect(parseIncidentDate('tarehe thelathini na tano', now).ok).toBe(false);
    expect(parseIncidentDate('tarehe ngapi', now).ok).toBe(false);
    for (const typed of ['yestaday', 'yesterdy', 'ystrday', 'yestarday', 'yestday']) expect([typed, daySpelling(typed)]).toEqual([typed, 'yesterday']);
    expect(daySpelling('jna usku')).toBe('jna usiku');
    expect(daySpelling('leo asbh')).toBe('leo asubuhi');
    expect(daySpelling('last nyt')).toBe('last night');
    expect(parseIncidentDate('jumamosi usku', now)).toEqual(day('2026-08-07'));
    // Other words as typed: "Jan" is January, "usiku" stays.
    expect(daySpelling('3 Jan usiku')).toBe('3 Jan usiku');
    // After "mwezi uliopita" (last month): the day of last month, never of this one.
    expect(parseIncidentDate('tarehe 5', now, 'mwezi uliopita')).toEqual(day('2026-07-04'));
    expect(parseIncidentDate('the 5th', now, 'last month')).toEqual(day('2026-07-04'));
    expect(parseIncidentDate('tarehe 5', now, 'wiki iliyopita')).toEqual(day('2026-08-04'));
    expect(parseIncidentDate('5/8', now, 'mwezi uliopita')).toEqual(day('2026-08-04'));
  });

  it('accepts Kenyan day-first dates and ISO dates', () => {
    expect(parseIncidentDate('08/08/2026', now)).toEqual({ ok: true, date: new Date('2026-08-07T21:00:00Z') });
    expect(parseIncidentDate('2026-08-08', now)).toEqual({ ok: true, date: new Date('2026-08-07T21:00:00Z') });
    expect(parseIncidentDate('9.8.26', now)).toMatchObject({ ok: true });
  });

  it('takes a date without its year, a month by name in English or Swahili, "tarehe 3", and leaves a time of day out', () => {
    // Sunday 9 August 2026 in Nairobi.
    const day = (d: string) => ({ ok: true, date: new Date(`${d}T21:00:00Z`) });
    expect(parseIncidentDate('8/8', now)).toEqual(day('2026-08-07'));
    // Later in the year than today: last year's.
    expect(parseIncidentDate('25/12', now)).toEqual(day('2025-12-24'));
    expect(parseIncidentDate('3 Aug', now)).toEqual(day('2026-08-02'));
    expect(parseIncidentDate('August 3rd', now)).toEqual(day('2026-08-02'));
    expect(parseIncidentDate('tarehe 3 Agosti 2026', now)).toEqual(day('2026-08-02'));
    expect(parseIncidentDate('3 Desemba', now)).toEqual(day('2025-12-02'));
    // A day of the month alone: this month's, or last month's when it is still to come.
    expect(parseIncidentDate('tarehe 3', now)).toEqual(day('2026-08-02'));
    expect(parseIncidentDate('the 20th', now)).toEqual(day('2026-07-19'));
    // The time after the day is left out.
    expect(parseIncidentDate('8/8/2026 saa nne usiku', now)).toEqual(day('2026-08-07'));
    expect(parseIncidentDate('Jumamosi saa 4 usiku', now)).toEqual(day('2026-08-07'));
    expect(parseIncidentDate('3 Aug at 10pm', now)).toEqual(day('2026-08-02'));
    expect(parseIncidentDate('3 Aug 21:30', now)).toEqual(day('2026-08-02'));
    expect(parseIncidentDate('8/8 mida ya saa nne usiku', now)).toEqual(day('2026-08-07'));
    expect(parseIncidentDate('8/8 saa tatu za usiku', now)).toEqual(day('2026-08-07'));
    // ... and kept as typed, for the agency.
    expect(splitTime('8/8 mida ya saa nne usiku')).toEqual({ day: '8/8', time: 'mida ya saa nne usiku' });
    expect(splitTime('3 Aug at 10pm')).toEqual({ day: '3 Aug', time: 'at 10pm' });
    expect(splitTime('Monday at 10')).toEqual({ day: 'Monday', time: 'at 10' });
    expect(splitTime('jana')).toEqual({ day: 'jana' });
    // "Last night at 2am" is last night, at 2am: the night stays with "last", as "jana usiku saa nane" keeps "jana".
    for (const typed of ['last night at 2am', 'last nite at 2am', 'last nyt 2am', 'lastnight at 2am']) expect([typed, splitTime(daySpelling(typed)).day]).toEqual([typed, 'last night']);
    expect(splitTime('last night at 2am')).toEqual({ day: 'last night', time: 'night at 2am' });
    expect(splitTime('jana usiku saa nane')).toEqual({ day: 'jana', time: 'usiku saa nane' });
    expect(splitTime('last Saturday night at 10pm')).toEqual({ day: 'last Saturday', time: 'night at 10pm' });
    // A part of the day before its day: the whole is read first ("usiku wa kuamkia leo" is not "leo").
    expect(splitTime('usiku wa kuamkia leo')).toEqual({ day: 'usiku wa kuamkia leo', time: 'usiku', dayAlone: 'kuamkia leo' });
    expect(parseIncidentDate('usiku wa Ijumaa', now)).toEqual(day('2026-08-06'));
    expect(parseIncidentDate('usiku wa kuamkia Ijumaa', now)).toEqual({ ok: false, reason: 'format' });
    // Hours with digits after "saa", as a review listed them; a time longer than the report keeps is not one.
    for (const typed of ['jana saa 4pm', 'jana saa 4:30pm', 'jana saa 4.30pm', 'jana saa 1900hrs']) expect([typed, splitTime(typed).day]).toEqual([typed, 'jana']);
    expect(splitTime('jana saa nne na nusu hivi za usiku kamili hivi usiku jioni asubuhi').time ?? '').not.toMatch(/.{61}/);
    // Never more than a time: a long word after "saa" is not taken.
    expect(splitTime('jana saa 0722123456')).toEqual({ day: 'jana saa 0722123456' });
    expect(parseIncidentDate('tarehe 3 mwezi wa nane', now)).toEqual(day('2026-08-02'));
    expect(parseIncidentDate('3 mwezi wa 8', now)).toEqual(day('2026-08-02'));
    expect(parseIncidentDate('jmosi', now)).toEqual(day('2026-08-07'));
    // Not dates: a lone number, a month alone, nonsense; and still no future dates.
    for (const text of ['3', 'August', 'Kisumu 3', '31/2']) expect([text, parseIncidentDate(text, now).ok]).toEqual([text, false]);
    expect(parseIncidentDate('tarehe 32', now).ok).toBe(false);
    // Tomorrow mistyped is in the future, not eleven months ago; the 31st is the last month that had one.
    expect(parseIncidentDate('10/8', now)).toEqual({ ok: false, reason: 'future' });
    expect(parseIncidentDate('tarehe 31', new Date('2026-12-03T10:00:00Z'))).toEqual(day('2026-10-30'));
  });

  it('takes a day of the week in English or Swahili as the last one before today', () => {
    // Sunday 9 August 2026 in Nairobi.
    const day = (d: string) => new Date(`${d}T21:00:00Z`);
    expect(parseIncidentDate('Jumamosi', now)).toEqual({ ok: true, date: day('2026-08-07') }); // Saturday the 8th
    expect(parseIncidentDate('last Saturday', now)).toEqual({ ok: true, date: day('2026-08-07') });
    expect(parseIncidentDate('Ijumaa usiku', now)).toEqual({ ok: true, date: day('2026-08-06') }); // Friday the 7th
    expect(parseIncidentDate('jumatatu iliyopita', now)).toEqual({ ok: true, date: day('2026-08-02') }); // Monday the 3rd
    // Today's own name is today ("Sunday morning" typed on a Sunday afternoon); "last Sunday" a week ago.
    expect(parseIncidentDate('Sunday morning', now)).toEqual({ ok: true, date: day('2026-08-08') });
    expect(parseIncidentDate('last Sunday', now)).toEqual({ ok: true, date: day('2026-08-01') });
    expect(parseIncidentDate('Jumapili iliyopita', now)).toEqual({ ok: true, date: day('2026-08-01') });
    // "Monday last week" is not "last Monday" (the 3rd): the Monday of the Monday-Sunday week before this one.
    expect(parseIncidentDate('Monday last week', now)).toEqual({ ok: true, date: day('2026-07-26') }); // Monday 27 July
    expect(parseIncidentDate('jumatatu wiki iliyopita', now)).toEqual({ ok: true, date: day('2026-07-26') });
    expect(parseIncidentDate('Sundays are quiet', now)).toEqual({ ok: false, reason: 'format' });
    // Spellings of "iliyopita", "sato" (Sheng), "Alhamis", "J'mosi".
    expect(parseIncidentDate('Jumapili iliopita', now)).toEqual({ ok: true, date: day('2026-08-01') });
    expect(parseIncidentDate('jumapili ilopita', now)).toEqual({ ok: true, date: day('2026-08-01') });
    expect(parseIncidentDate('Jumamosi iliopita', now)).toEqual({ ok: true, date: day('2026-08-07') });
    for (const typed of ['sato', 'last sato', 'Sato usiku', "J'mosi", 'J’mosi']) expect([typed, parseIncidentDate(typed, now)]).toEqual([typed, { ok: true, date: day('2026-08-07') }]);
    expect(parseIncidentDate('alhamis', now)).toEqual({ ok: true, date: day('2026-08-05') });
    for (const typed of ['Naivasha', 'sijui', 'satoshi']) expect([typed, parseIncidentDate(typed, now)]).toEqual([typed, { ok: false, reason: 'format' }]);
    expect(parseIncidentDate('sato wiki iliyopita', now)).toEqual({ ok: true, date: day('2026-07-31') }); // Saturday 1 August
  });

  it('reads a date after "tarehe", "mnamo", "on" or "siku ya", as a probe found them typed', () => {
    // Sunday 9 August 2026 in Nairobi.
    const day = (d: string) => ({ ok: true, date: new Date(`${d}T21:00:00Z`) });
    for (const typed of ['tarehe 9/8', 'mnamo tarehe 9/8', 'on 9/8', 'On the 9th', 'siku ya 9/8', 'Tarehe 9/8/2026']) expect([typed, parseIncidentDate(typed, now)]).toEqual([typed, day('2026-08-08')]);
    expect(parseIncidentDate('mnamo tarehe 3', now)).toEqual(day('2026-08-02'));
    expect(parseIncidentDate('mnamo Jumamosi', now)).toEqual(day('2026-08-07'));
    expect(parseIncidentDate('tarehe 8/8 saa nne usiku', now)).toEqual(day('2026-08-07'));
    expect(splitTime('tarehe 8/8 saa nne usiku')).toEqual({ day: 'tarehe 8/8', time: 'saa nne usiku' });
    // The lead words do not make a lone number a day, nor a future date a past one.
    for (const typed of ['on 3', 'mnamo 9', 'tarehe']) expect([typed, parseIncidentDate(typed, now).ok]).toEqual([typed, false]);
    expect(parseIncidentDate('tarehe 10/8', now)).toEqual({ ok: false, reason: 'future' });
  });

  it('counts days back from today in English and Swahili, in digits or words up to seven', () => {
    // Sunday 9 August 2026 in Nairobi.
    const day = (d: string) => ({ ok: true, date: new Date(`${d}T21:00:00Z`) });
    for (const [typed, date] of [
      ['two days ago', '2026-08-06'], ['3 days ago', '2026-08-05'], ['3days ago', '2026-08-05'], ['a day ago', '2026-08-07'], ['Seven days ago.', '2026-08-01'],
      ['2 days back', '2026-08-06'], ['10 days ago', '2026-07-29'], ['siku mbili zilizopita', '2026-08-06'], ['siku tatu zilizopita', '2026-08-05'],
      ['siku saba zilizopita', '2026-08-01'], ['siku 3 zilizopita', '2026-08-05'], ['siku moja iliyopita', '2026-08-07'], ['siku mbili nyuma', '2026-08-06'], ['siku mbili zimepita', '2026-08-06'], ['siku mbili ziliopita', '2026-08-06'],
    ]) {
      expect([typed, parseIncidentDate(typed, now)]).toEqual([typed, day(date)]);
    }
    expect(parseIncidentDate('two days ago at 10pm', now)).toEqual(day('2026-08-06'));
    expect(splitTime('two days ago at 10pm')).toEqual({ day: 'two days ago', time: 'at 10pm' });
    // Past the year is too old, as a date would be; no count is today or later.
    for (const typed of ['400 days ago', 'siku 500 zilizopita', '99999999999 days ago']) expect([typed, parseIncidentDate(typed, now)]).toEqual([typed, { ok: false, reason: 'too_old' }]);
    expect(parseIncidentDate('365 days ago', now)).toEqual(day('2025-08-08'));
    // Vague or no count: asked for the day.
    for (const typed of ['0 days ago', 'eight days ago', 'a few days ago', 'days ago', 'siku nyingi', 'siku nyingi zilizopita', 'siku tatu', 'siku kumi zilizopita']) {
      expect([typed, parseIncidentDate(typed, now)]).toEqual([typed, { ok: false, reason: 'format' }]);
    }
  });

  it('reads a day of last week as that day of the Monday-Sunday week before this one, in either order', () => {
    const day = (d: string) => ({ ok: true, date: new Date(`${d}T21:00:00Z`) });
    // Wednesday 12 August 2026 in Nairobi: last week ran from Monday 3 to Sunday 9 August; "last Tuesday" was yesterday.
    const wed = new Date('2026-08-12T09:30:00Z');
    expect(parseIncidentDate('last Tuesday', wed)).toEqual(day('2026-08-10'));
    for (const typed of ['last week on tuesday', 'Tuesday last week', 'tuesday of last week', 'last week Tuesday', 'jumanne wiki iliyopita', 'wiki iliyopita jumanne', 'Jumanne ya wiki iliyopita', 'wiki iliopita siku ya jumanne', 'jumanne wiki jana', 'last week on Tuesday.']) {
      expect([typed, parseIncidentDate(typed, wed)]).toEqual([typed, day('2026-08-03')]);
    }
    // With the time of day, which is kept apart.
    expect(parseIncidentDate('jumanne wiki iliyopita usiku', wed)).toEqual(day('2026-08-03'));
    expect(parseIncidentDate('last week on tuesday at 9pm', wed)).toEqual(day('2026-08-03'));
    expect(parseIncidentDate('Sunday last week', wed)).toEqual(day('2026-08-08'));
    expect(parseIncidentDate('Monday last week', new Date('2026-08-10T09:30:00Z'))).toEqual(day('2026-08-02')); // typed on a Monday: a week ago
    // "Which day?" after "last week": the day named then is last week's.
    expect(parseIncidentDate('Jumanne', wed, 'wiki iliyopita')).toEqual(day('2026-08-03'));
    expect(parseIncidentDate('tuesday', wed, 'last week')).toEqual(day('2026-08-03'));
    expect(parseIncidentDate('tuesday', wed)).toEqual(day('2026-08-10'));
    // No day of the week: still not read.
    for (const typed of ['last week', 'wiki iliyopita', 'satoshi last week', 'last week sometime']) expect([typed, parseIncidentDate(typed, wed).ok]).toEqual([typed, false]);
    // "Which day?" after "two weeks ago", "wiki mbili zilizopita": that day of the week before last (it was the latest one, or today).
    for (const said of ['two weeks ago', 'wiki mbili zilizopita', '2 weeks ago', 'wiki 2 zilizopita']) {
      expect([said, parseIncidentDate('Jumanne', wed, said)]).toEqual([said, day('2026-07-27')]);
    }
    expect(parseIncidentDate('monday', new Date('2026-12-07T12:00:00Z'), 'wiki mbili zilizopita')).toEqual(day('2026-11-22'));
    expect(parseIncidentDate('tuesday', wed, 'three weeks ago')).toEqual(day('2026-07-20'));
    // Other ways of saying it, and the day said with it in one message.
    for (const said of ['week before last', 'the week before last', 'a couple of weeks ago', '2 weeks']) {
      expect([said, parseIncidentDate('Jumanne', wed, said)]).toEqual([said, day('2026-07-27')]);
    }
    // "Not two weeks ago": last week's, as said.
    expect(parseIncidentDate('Jumanne', wed, 'last week, not two weeks ago')).toEqual(day('2026-08-03'));
    for (const typed of ['two weeks ago on tuesday', 'tuesday two weeks ago', 'wiki mbili zilizopita jumanne', 'jumanne wiki mbili zilizopita', 'Tuesday, the week before last']) {
      expect([typed, parseIncidentDate(typed, wed)]).toEqual([typed, day('2026-07-27')]);
    }
  });

  it('reads a day of this week as that day of the Monday-Sunday week; one still to come is the one just past, "next" one in the future', () => {
    const day = (d: string) => ({ ok: true, date: new Date(`${d}T21:00:00Z`) });
    // Wednesday 12 August 2026 in Nairobi: this week runs from Monday 10 to Sunday 16 August.
    const wed = new Date('2026-08-12T09:30:00Z');
    for (const typed of ['Tuesday this week', 'this tuesday', 'this week on Tuesday', 'tuesday of this week', 'jumanne wiki hii', 'wiki hii jumanne', 'Jumanne ya wiki hii', 'wiki hii siku ya jumanne', 'jumanne juma hili', 'This Tuesday.']) {
      expect([typed, parseIncidentDate(typed, wed)]).toEqual([typed, day('2026-08-10')]);
    }
    expect(parseIncidentDate('jumatano wiki hii', wed)).toEqual(day('2026-08-11')); // today
    expect(parseIncidentDate('jumatatu wiki hii usiku', wed)).toEqual(day('2026-08-09'));
    expect(parseIncidentDate('this monday at 9pm', wed)).toEqual(day('2026-08-09'));
    // Still to come this week: told of what happened, the one just past (Friday the 7th, Sunday the 9th).
    for (const typed of ['Friday this week', 'this friday', 'ijumaa wiki hii', 'ijumaa hii']) {
      expect([typed, parseIncidentDate(typed, wed)]).toEqual([typed, day('2026-08-06')]);
    }
    for (const typed of ['wiki hii jumapili', 'this sunday']) expect([typed, parseIncidentDate(typed, wed)]).toEqual([typed, day('2026-08-08')]);
    expect(parseIncidentDate('Jumamosi ya wiki hii', wed)).toEqual(day('2026-08-07'));
    // The coming one, said so: in the future, never a past day; "next" with a week named is asked.
    for (const typed of ['next friday', 'Next Tuesday', 'ijumaa ijayo', 'jumatano ijayo']) expect([typed, parseIncidentDate(typed, wed)]).toEqual([typed, { ok: false, reason: 'future' }]);
    for (const typed of ['next friday last week', 'jumanne ijayo wiki hii']) expect([typed, parseIncidentDate(typed, wed)]).toEqual([typed, { ok: false, reason: 'format' }]);
    // Typed on a Sunday, the week's end: its Tuesday was five days back.
    expect(parseIncidentDate('Tuesday this week', new Date('2026-08-16T09:30:00Z'))).toEqual(day('2026-08-10'));
    // "Which day?" after "this week": the day named then is this week's, or the one just past ("Jumanne" typed on a Monday).
    expect(parseIncidentDate('Jumanne', wed, 'wiki hii')).toEqual(day('2026-08-10'));
    expect(parseIncidentDate('jumanne', new Date('2026-08-10T09:30:00Z'), 'wiki hii')).toEqual(day('2026-08-03'));
    expect(parseIncidentDate('monday', wed, 'this week')).toEqual(day('2026-08-09'));
    // No day of the week, or a vague one: not read (the reporter is asked which day).
    for (const typed of ['this week', 'wiki hii', 'juzi juzi', 'the other day', 'this week sometime']) expect([typed, parseIncidentDate(typed, wed)]).toEqual([typed, { ok: false, reason: 'format' }]);
  });

  it('refuses the future, dates over a year old and nonsense', () => {
    expect(parseIncidentDate('10/08/2026', now)).toEqual({ ok: false, reason: 'future' });
    expect(parseIncidentDate('01/08/2025', now)).toEqual({ ok: false, reason: 'too_old' });
    expect(parseIncidentDate('31/02/2026', now)).toEqual({ ok: false, reason: 'format' });
    expect(parseIncidentDate('last week', now)).toEqual({ ok: false, reason: 'format' });
  });

  it('turns today and yesterday into Kenyan calendar days', () => {
    expect(incidentTimeFor('today', now).toISOString()).toBe('2026-08-08T21:00:00.000Z');
    expect(incidentTimeFor('yesterday', now).toISOString()).toBe('2026-08-07T21:00:00.000Z');
    expect(incidentTimeFor('now', now)).toBe(now);
  });
});

describe('a time of day typed alone', () => {
  // 28/11/2026 in Nairobi at the given hour.
  const at = (hour: number) => new Date(Date.parse('2026-11-27T21:00:00Z') + hour * 3_600_000);
  const dayOf = (words: string, hour: number) => timeAlone(words, at(hour))?.day;

  it('reads Swahili hours from 7 am, with the part of the day, and gives the day whose hour has come', () => {
    // Each: the hour it means, so the day before that hour is yesterday and from it today.
    for (const [words, hour] of [
      ['saa tatu asubuhi', 9], ['saa mbili usiku', 20], ['jioni saa mbili', 20], ['saa saba mchana', 13], ['saa tano mchana', 11], ['saa kumi na moja alfajiri', 5],
      ['saa tisa usiku', 3], ['at 9am', 9], ['around 10pm', 22], ['21:30', 21], ['0900hrs', 9], ['asubuhi', 6], ['jioni', 16], ['usiku', 19], ['in the evening', 16],
    ] as const) {
      expect([words, dayOf(words, hour - 1), dayOf(words, hour)]).toEqual([words, 'yesterday', 'today']);
    }
    // Midnight has always come: "usiku wa manane", "saa sita usiku" are today's.
    for (const words of ['usiku wa manane', 'saa sita usiku']) expect([words, dayOf(words, 0)]).toEqual([words, 'today']);
    expect(timeAlone(' saa tatu asubuhi. ', at(12))).toEqual({ day: 'today', time: 'saa tatu asubuhi' });
  });

  it('is no answer without an hour or a part of the day, or with a day', () => {
    for (const words of ['saa hizo', 'saa ngapi', '3', 'Naivasha', 'jana saa nne', 'tarehe 3', '']) expect([words, timeAlone(words, at(12))]).toEqual([words, undefined]);
  });
});

describe('text limits', () => {
  it('says whether text is empty or too long', () => {
    expect(checkText('  ', 10)).toEqual({ ok: false, reason: 'empty', max: 10 });
    expect(checkText('x'.repeat(11), 10)).toEqual({ ok: false, reason: 'too_long', max: 10 });
    expect(checkText(' ok ', 10)).toEqual({ ok: true, text: 'ok' });
  });

  it('counts staff replies as Telegram does: an emoji is two', () => {
    const max = LIMITS.replyMaxChars;
    expect(checkReplyText('a'.repeat(max)).ok).toBe(true);
    expect(checkReplyText('🙏'.repeat(max / 2)).ok).toBe(true);
    expect(checkReplyText('🙏'.repeat(max / 2 + 1))).toEqual({ ok: false, reason: 'too_long', max });
    // Counted as characters the same text passes, and Telegram would refuse it.
    expect(checkText('🙏'.repeat(max / 2 + 1), max).ok).toBe(true);
  });
});
