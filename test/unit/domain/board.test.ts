/** Issue 16's pure parts: the county tile grid, shading, saved-reply rules and rating results. */
import {
  COUNTIES, COUNTY_GRID, GRID_COLS, GRID_ROWS, checkSavedReply, countyMap, mayManageSavedReplies, mayRate, ratingSummary, savedReplyText, shadeLevel, shouldAskRating,
} from '../../../src/domain';

describe('county tile grid', () => {
  it('has each of the 47 counties exactly once', () => {
    const codes = COUNTY_GRID.map((c) => c.code).sort((a, b) => a - b);
    expect(codes).toEqual(COUNTIES.map((c) => c.code));
  });

  it('never puts two counties in one cell, and every cell is inside the grid', () => {
    const cells = COUNTY_GRID.map((c) => `${c.col},${c.row}`);
    expect(new Set(cells).size).toBe(47);
    for (const c of COUNTY_GRID) {
      expect([c.code, c.col >= 0 && c.col < GRID_COLS && c.row >= 0 && c.row < GRID_ROWS]).toEqual([c.code, true]);
      expect(c.short.length).toBeLessThanOrEqual(12);
    }
  });

  it("gives a phone's narrow tile a label shorter than the short one, unlike every other county's", () => {
    const tiny = COUNTY_GRID.filter((c) => c.tiny);
    expect(tiny.map((c) => c.short)).toContain('Nyandarua');
    const labels = COUNTY_GRID.flatMap((c) => [c.short, c.tiny].filter(Boolean));
    expect(new Set(labels).size).toBe(labels.length);
    for (const c of tiny) expect([c.short, c.tiny!.length < c.short.length]).toEqual([c.short, true]);
  });

  it('places counties roughly where they lie: Turkana north-west of Nairobi, Mombasa on the coast, Busia west of Garissa', () => {
    const at = (name: string) => COUNTY_GRID.find((c) => COUNTIES[c.code - 1].name === name)!;
    expect(at('Turkana').row).toBeLessThan(at('Nairobi City').row);
    expect(at('Turkana').col).toBeLessThan(at('Nairobi City').col);
    expect(at('Mombasa').row).toBe(GRID_ROWS - 1);
    expect(at('Busia').col).toBeLessThan(at('Garissa').col);
    expect(at('Mandera').col).toBe(GRID_COLS - 1);
    // Neighbours stay neighbours: Nairobi touches Kiambu and Kajiado.
    const dist = (a: string, b: string) => Math.abs(at(a).col - at(b).col) + Math.abs(at(a).row - at(b).row);
    expect(dist('Nairobi City', 'Kiambu')).toBe(1);
    expect(dist('Nairobi City', 'Kajiado')).toBe(1);
    expect(dist('Kisumu', 'Siaya')).toBe(1);
  });

  it('shades by share of the busiest county: none is 0, one report is never 0, the busiest is 5', () => {
    expect(shadeLevel(0, 10)).toBe(0);
    expect(shadeLevel(1, 100)).toBe(1);
    expect(shadeLevel(10, 10)).toBe(5);
    expect(shadeLevel(5, 10)).toBe(3);
    expect(shadeLevel(3, 0)).toBe(0);
  });

  it('builds all 47 cells from counts, missing counties at 0, summing repeated keys', () => {
    const map = countyMap([{ key: 47, count: 4 }, { key: 1, count: 1 }, { key: 47, count: 2 }]);
    expect(map.cells).toHaveLength(47);
    expect(map.total).toBe(7);
    expect(map.max).toBe(6);
    const nairobi = map.cells.find((c) => c.code === 47)!;
    expect(nairobi).toMatchObject({ name: 'Nairobi City', count: 6, level: 5 });
    expect(map.cells.find((c) => c.code === 1)).toMatchObject({ name: 'Mombasa', count: 1, level: 1 });
    expect(map.cells.filter((c) => c.count === 0).every((c) => c.level === 0)).toBe(true);
  });
});

describe('saved replies', () => {
  it('are managed by supervisors and admins only', () => {
    expect(mayManageSavedReplies('agent')).toEqual({ ok: false, reason: 'wrong_role' });
    expect(mayManageSavedReplies('supervisor')).toEqual({ ok: true });
    expect(mayManageSavedReplies('admin')).toEqual({ ok: true });
  });

  it('need a name and both languages, trimmed, within the reply length', () => {
    expect(checkSavedReply({ title: ' Safe place ', en: ' Are you safe? ', sw: ' Uko salama? ' })).toEqual({ ok: true, value: { title: 'Safe place', en: 'Are you safe?', sw: 'Uko salama?' } });
    expect(checkSavedReply({ title: '', en: 'a', sw: 'b' })).toEqual({ ok: false, reason: 'title_empty' });
    expect(checkSavedReply({ title: 'x', en: 'a', sw: '   ' })).toEqual({ ok: false, reason: 'sw_empty' });
    expect(checkSavedReply({ title: 'x', sw: 'b' })).toEqual({ ok: false, reason: 'en_empty' });
    expect(checkSavedReply({ title: 'x'.repeat(81), en: 'a', sw: 'b' })).toEqual({ ok: false, reason: 'title_too_long' });
    expect(checkSavedReply({ title: 'x', en: 'a'.repeat(3501), sw: 'b' })).toEqual({ ok: false, reason: 'en_too_long' });
  });

  it('give the text in the reporter language', () => {
    const r = { text: { en: 'Are you safe?', sw: 'Uko salama?' } };
    expect(savedReplyText(r, 'sw')).toBe('Uko salama?');
    expect(savedReplyText(r, 'en')).toBe('Are you safe?');
  });
});

describe('rating after close', () => {
  it('is asked when a ticket is resolved or closed as a duplicate, never for spam or other changes', () => {
    expect(shouldAskRating('resolved')).toBe(true);
    expect(shouldAskRating('rejected', 'duplicate')).toBe(true);
    expect(shouldAskRating('rejected', 'spam')).toBe(false);
    expect(shouldAskRating('in_progress')).toBe(false);
    expect(shouldAskRating('waiting_reporter')).toBe(false);
  });

  it('may be given only on a closed ticket', () => {
    expect(mayRate('resolved')).toEqual({ ok: true });
    expect(mayRate('rejected')).toEqual({ ok: true });
    expect(mayRate('in_progress')).toEqual({ ok: false, reason: 'not_closed' });
    expect(mayRate('withdrawn')).toEqual({ ok: false, reason: 'not_closed' });
  });

  it('sums per category with the share that said it helped', () => {
    const s = ratingSummary([
      { category: 'police_bribery', rating: 'helped', count: 3 },
      { category: 'police_bribery', rating: 'not_helped', count: 1 },
      { category: 'vote_buying', rating: 'not_helped', count: 2 },
    ]);
    expect(s.rows).toEqual([
      { category: 'police_bribery', count: 4, helped: 3, helpedShare: 75 },
      { category: 'vote_buying', count: 2, helped: 0, helpedShare: 0 },
    ]);
    expect(s.total).toMatchObject({ count: 6, helped: 3, helpedShare: 50 });
    expect(ratingSummary([]).total).toMatchObject({ count: 0, helpedShare: 0 });
  });
});
