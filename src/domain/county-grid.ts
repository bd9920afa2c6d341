import { COUNTIES } from './counties';

/**
 * A tile-grid map of Kenya: each of the 47 counties is one square cell, placed roughly where the
 * county lies (north at the top, Lake Victoria on the left, the coast bottom right). Equal cells
 * keep small, busy counties (Nairobi, Vihiga) as visible as Turkana; no map tiles are fetched.
 * Positions were laid out by hand from each county's approximate centre.
 */
export interface GridCell {
  code: number;
  col: number;
  row: number;
  /** A short label that fits in a cell; the full name is always given beside it. */
  short: string;
  /**
   * A shorter one for a phone's narrow cell (about 33 px at 360 px), where a word of `short` is
   * wider than the cell: the word was split letter by letter ("Nyanda / rua"). The word's start
   * and a full stop, unlike any other county's label.
   */
  tiny?: string;
}

export const GRID_COLS = 9;
export const GRID_ROWS = 10;

// [code, col, row, short label, a phone's label where the short one has a word too wide for its cell]
const CELLS: readonly (readonly [number, number, number, string, string?])[] = [
  [23, 2, 0, 'Turkana'], [10, 5, 0, 'Marsabit', 'Marsa.'], [9, 8, 0, 'Mandera', 'Mand.'],
  [26, 1, 1, 'T. Nzoia'], [24, 2, 1, 'W. Pokot'], [25, 5, 1, 'Samburu', 'Samb.'], [8, 7, 1, 'Wajir'],
  [39, 0, 2, 'Bungoma', 'Bung.'], [37, 1, 2, 'Kakamega', 'Kakam.'], [27, 2, 2, 'U. Gishu'], [28, 3, 2, 'E. Marakwet', 'E. Marak.'], [30, 4, 2, 'Baringo'], [31, 5, 2, 'Laikipia'], [11, 6, 2, 'Isiolo'],
  [40, 0, 3, 'Busia'], [38, 1, 3, 'Vihiga'], [29, 2, 3, 'Nandi'], [32, 3, 3, 'Nakuru'], [18, 4, 3, 'Nyandarua', 'Nyand.'], [19, 5, 3, 'Nyeri'], [12, 6, 3, 'Meru'], [7, 7, 3, 'Garissa'],
  [41, 0, 4, 'Siaya'], [42, 1, 4, 'Kisumu'], [35, 2, 4, 'Kericho'], [36, 3, 4, 'Bomet'], [21, 4, 4, "Murang'a", 'Muran.'], [20, 5, 4, 'Kirinyaga', 'Kiriny.'], [13, 6, 4, 'Tharaka-N.', 'T. Nithi'], [4, 7, 4, 'Tana River'],
  [43, 0, 5, 'Homa Bay'], [45, 1, 5, 'Kisii'], [46, 2, 5, 'Nyamira', 'Nyam.'], [33, 3, 5, 'Narok'], [22, 4, 5, 'Kiambu'], [14, 5, 5, 'Embu'], [15, 6, 5, 'Kitui'], [5, 8, 5, 'Lamu'],
  [44, 0, 6, 'Migori'], [47, 4, 6, 'Nairobi'], [16, 5, 6, 'Machakos', 'Mach.'],
  [34, 4, 7, 'Kajiado'], [17, 5, 7, 'Makueni', 'Makue.'],
  [6, 5, 8, 'Taita-Taveta'], [3, 7, 8, 'Kilifi'],
  [2, 6, 9, 'Kwale'], [1, 7, 9, 'Mombasa', 'Momb.'],
];

export const COUNTY_GRID: readonly GridCell[] = CELLS.map(([code, col, row, short, tiny]) => ({ code, col, row, short, ...(tiny ? { tiny } : {}) }));

/** Shading steps: 0 is no reports, 1-5 from few to the most in the period. */
export const SHADE_LEVELS = 5;

/**
 * How dark a county's cell is: 0 for none, otherwise 1-5 by its share of the busiest county's
 * count (rounded up, so a single report is never shown as none).
 */
export function shadeLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(SHADE_LEVELS, Math.max(1, Math.ceil((count / max) * SHADE_LEVELS)));
}

export interface MapCell extends GridCell {
  name: string;
  count: number;
  level: number;
}

/** Every county's cell with its count and shade, from counts by county code (missing = 0). */
export function countyMap(counts: readonly { key: number; count: number }[]): { cells: MapCell[]; max: number; total: number } {
  const byCode = new Map<number, number>();
  for (const c of counts) byCode.set(c.key, (byCode.get(c.key) ?? 0) + c.count);
  const max = Math.max(0, ...COUNTY_GRID.map((g) => byCode.get(g.code) ?? 0));
  const cells = COUNTY_GRID.map((g) => {
    const count = byCode.get(g.code) ?? 0;
    return { ...g, name: COUNTIES[g.code - 1].name, count, level: shadeLevel(count, max) };
  });
  return { cells, max, total: cells.reduce((n, c) => n + c.count, 0) };
}
