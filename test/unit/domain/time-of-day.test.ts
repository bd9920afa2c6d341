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
  });
});
