import { dayFirst, readFilterDay } from '../../../src/domain';

/**
 * The supervisors' From/To boxes: Kenyan staff write the day first (dd/mm/yyyy), whatever
 * language their browser is set to; a bookmark's yyyy-mm-dd still works.
 */
describe('a typed filter day', () => {
  it('reads the day first, with or without a leading zero', () => {
    expect(readFilterDay('5/12/2026')).toEqual({ ok: true, day: '2026-12-05' });
    expect(readFilterDay('05/12/2026')).toEqual({ ok: true, day: '2026-12-05' });
    expect(readFilterDay(' 5.12.2026 ')).toEqual({ ok: true, day: '2026-12-05' });
    expect(readFilterDay('5-12-2026')).toEqual({ ok: true, day: '2026-12-05' });
  });

  it('still reads the ISO form of old links and bookmarks', () => {
    expect(readFilterDay('2026-12-05')).toEqual({ ok: true, day: '2026-12-05' });
  });

  it('refuses a day that is not on the calendar, or text that is not a date', () => {
    for (const bad of ['31/02/2026', '29/02/2027', '12/13/2026', '00/12/2026', '5/12/26', '2026-02-30', '2026-13-01', 'jana', '5/12', '05/12/2026x']) {
      expect(readFilterDay(bad)).toEqual({ ok: false });
    }
    expect(readFilterDay('29/02/2028')).toEqual({ ok: true, day: '2028-02-29' });
  });

  it('reads an empty box as no filter', () => {
    expect(readFilterDay('')).toEqual({ ok: true, day: undefined });
    expect(readFilterDay('   ')).toEqual({ ok: true, day: undefined });
  });

  it('shows a day back day first', () => {
    expect(dayFirst('2026-12-05')).toBe('05/12/2026');
  });
});
