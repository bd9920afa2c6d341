import { readTimeOfDay, splitTime } from '../../../src/domain';

/** The time of day a reporter typed with the day, as the case file reads it on the 24-hour clock. */
describe('readTimeOfDay', () => {
  it('reads a Swahili hour with its part of the day: hours count from 7 am', () => {
    expect(readTimeOfDay('saa nne usiku')).toEqual({ kind: 'clock', readings: ['22:00'] });
    expect(readTimeOfDay('saa tatu asubuhi')).toEqual({ kind: 'clock', readings: ['09:00'] });
    expect(readTimeOfDay('saa saba mchana')).toEqual({ kind: 'clock', readings: ['13:00'] });
    expect(readTimeOfDay('jioni saa kumi na moja')).toEqual({ kind: 'clock', readings: ['17:00'] });
    expect(readTimeOfDay('saa mbili usiku')).toEqual({ kind: 'clock', readings: ['20:00'] });
    expect(readTimeOfDay('saa nane usiku wa manane')).toEqual({ kind: 'clock', readings: ['02:00'], afterMidnight: true });
    expect(readTimeOfDay('mida ya saa nne na nusu usiku')).toEqual({ kind: 'clock', readings: ['22:30'] });
    expect(readTimeOfDay('saa tano kasoro robo asubuhi')).toEqual({ kind: 'clock', readings: ['10:45'] });
  });

  // Swahili time counts from 6 (saa moja is 7 o'clock); each part of the day's words settle morning or night.
  it.each([
    ['saa nne asubuhi', ['10:00']],
    ['saa tano mchana', ['11:00']],
    ['saa saba mchana', ['13:00']],
    ['saa tisa alasiri', ['15:00']],
    ['saa kumi alasiri', ['16:00']],
    ['saa nane alasiri', ['14:00']],
    ['saa kumi jioni', ['16:00']],
    ['saa moja jioni', ['19:00']],
    ['saa tatu jioni', ['21:00']],
    ['saa nne usiku', ['22:00']],
    ['saa sita usiku', ['00:00']],
    ['saa kumi na moja alfajiri', ['05:00']],
  ])('"%s" is %j', (typed, readings) => {
    expect(readTimeOfDay(typed)).toMatchObject({ kind: 'clock', readings });
  });

  it('every Swahili hour with "usiku" is one time of the night: 7 pm to 6 am', () => {
    const hours = ['moja', 'mbili', 'tatu', 'nne', 'tano', 'sita', 'saba', 'nane', 'tisa', 'kumi', 'kumi na moja', 'kumi na mbili'];
    expect(hours.map((h) => readTimeOfDay(`saa ${h} usiku`))).toEqual(
      ['19:00', '20:00', '21:00', '22:00', '23:00', '00:00', '01:00', '02:00', '03:00', '04:00', '05:00', '18:00'].map((r, i) => ({ kind: 'clock', readings: [r], ...(i >= 5 && i <= 10 ? { afterMidnight: true } : {}) })),
    );
  });

  it('an hour its part of the day does not hold in Swahili time gives every reading the words allow', () => {
    // "Mchana" is also the daytime: "saa nne mchana" is said for 10:00, or on a clock face for 4 pm.
    expect(readTimeOfDay('saa nne mchana')).toEqual({ kind: 'clock', readings: ['10:00', '16:00'] });
    expect(readTimeOfDay('saa 4 mchana')).toEqual({ kind: 'clock', readings: ['10:00', '16:00'] });
    expect(readTimeOfDay('saa mbili mchana')).toEqual({ kind: 'clock', readings: ['08:00', '14:00'] });
    // "Saa saba asubuhi", "saa nane asubuhi": no Swahili hour of the morning; a clock face's 7 am, 8 am.
    expect(readTimeOfDay('saa saba asubuhi')).toEqual({ kind: 'clock', readings: ['07:00'] });
    expect(readTimeOfDay('saa nane asubuhi')).toEqual({ kind: 'clock', readings: ['08:00'] });
  });

  it('marks a time after midnight given in words of the night: its date may be the day after the one given', () => {
    expect(readTimeOfDay('saa nane usiku')).toEqual({ kind: 'clock', readings: ['02:00'], afterMidnight: true });
    expect(readTimeOfDay('at 2am')).toEqual({ kind: 'clock', readings: ['02:00'] });
    expect(readTimeOfDay('saa kumi alfajiri')).toEqual({ kind: 'clock', readings: ['04:00'] });
  });

  it('reads a clock time in English or in figures', () => {
    expect(readTimeOfDay('at around 10pm')).toEqual({ kind: 'clock', readings: ['22:00'] });
    expect(readTimeOfDay('9.30 a.m.')).toEqual({ kind: 'clock', readings: ['09:30'] });
    expect(readTimeOfDay('2200hrs')).toEqual({ kind: 'clock', readings: ['22:00'] });
    expect(readTimeOfDay('saa 22:15')).toEqual({ kind: 'clock', readings: ['22:15'] });
  });

  it('gives every reading the words allow when they allow more than one, never a guess', () => {
    // "Saa 4" is 10 o'clock in Swahili time, 4 o'clock on a clock face.
    expect(readTimeOfDay('saa 4 usiku')).toEqual({ kind: 'clock', readings: ['22:00', '04:00'], afterMidnight: true });
    expect(readTimeOfDay('saa nne')).toEqual({ kind: 'clock', readings: ['10:00', '22:00'] });
    expect(readTimeOfDay('at 10')).toEqual({ kind: 'clock', readings: ['10:00', '22:00'] });
  });

  it('reads a span, and a part of the day alone', () => {
    expect(readTimeOfDay('kati ya saa nne na saa tano usiku')).toEqual({ kind: 'clock', readings: ['22:00–23:00'] });
    expect(readTimeOfDay('usiku')).toEqual({ kind: 'part', part: 'night' });
    expect(readTimeOfDay('usiku wa manane')).toEqual({ kind: 'part', part: 'midnight' });
    expect(readTimeOfDay('in the evening')).toEqual({ kind: 'part', part: 'evening' });
    expect(readTimeOfDay('saa hizo jioni')).toEqual({ kind: 'part', part: 'evening' });
  });

  it('reads nothing it cannot be sure of', () => {
    expect(readTimeOfDay('saa hizo')).toBeUndefined();
    expect(readTimeOfDay('saa tatu usiku wa manane')).toBeUndefined();
    expect(readTimeOfDay('saa nne na dakika kadhaa usiku')).toBeUndefined();
    // A phone number is no clock.
    expect(readTimeOfDay('saa nne, 0722 555 666')).toBeUndefined();
    expect(readTimeOfDay('saa nne usiku, JOHN alikuwa pale')).toBeUndefined();
  });

  it('reads what the bot keeps as the time', () => {
    const kept = (typed: string) => readTimeOfDay(splitTime(typed).time ?? '');
    expect(kept('jana saa nne usiku')).toEqual({ kind: 'clock', readings: ['22:00'] });
    expect(kept('usiku wa kuamkia leo')).toEqual({ kind: 'part', part: 'night' });
    expect(kept('Monday at 10pm')).toEqual({ kind: 'clock', readings: ['22:00'] });
    // "Alasiri" is a part of the day as "mchana" is: kept with the day, never left in it.
    expect(splitTime('jana saa tisa alasiri')).toEqual({ day: 'jana', time: 'saa tisa alasiri' });
    expect(kept('jana saa tisa alasiri')).toEqual({ kind: 'clock', readings: ['15:00'] });
    expect(kept('jana saa nne mchana')).toEqual({ kind: 'clock', readings: ['10:00', '16:00'] });
  });
});
