import { chartEnd, dayRun } from '../../../src/domain';

describe('the "By day" chart', () => {
  it('shows a day without reports as 0 instead of drawing the days either side of it as neighbours', () => {
    const counts = [
      { key: '2026-11-28', count: 4 },
      { key: '2026-11-30', count: 9 },
    ];
    expect(dayRun(counts, '2026-12-01', 4)).toEqual([
      { key: '2026-11-28', count: 4 },
      { key: '2026-11-29', count: 0 },
      { key: '2026-11-30', count: 9 },
      { key: '2026-12-01', count: 0 },
    ]);
  });

  it('keeps to the chosen period and crosses month and year ends', () => {
    expect(dayRun([{ key: '2027-01-01', count: 2 }], '2027-01-02', 14, '2026-12-31').map((d) => d.key)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
    expect(dayRun([], '2028-03-01', 2).map((d) => d.key)).toEqual(['2028-02-29', '2028-03-01']);
  });

  it('ends at today in Kenya, or at the period\'s end when that is earlier: a period running into next month shows its reports, not days to come', () => {
    const now = new Date('2026-12-03T22:30:00Z'); // 01:30 on 4 December in Nairobi
    expect(chartEnd(undefined, now)).toBe('2026-12-04');
    expect(chartEnd('2026-12-31', now)).toBe('2026-12-04');
    expect(chartEnd('2026-11-30', now)).toBe('2026-11-30');
  });
});
