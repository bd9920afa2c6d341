/**
 * Counties that share a land border, by code (src/domain/counties.ts). Written by hand from the
 * county map; each border is listed once, under the smaller code, and read both ways. Lake
 * Victoria's water between Siaya and Homa Bay is not a border here: nobody reports one event on
 * both shores.
 *
 * Why triage needs it: one event where a county line runs through a town (Githurai 44 and 45
 * between Nairobi and Kiambu, Rongai and Kitengela by Nairobi, Mtwapa by Mombasa) is filed under
 * both counties, since people pick the county they live in or think of. A county that borders
 * another by mistake here only lets a pair be compared; it still needs a shared place name.
 */
const BORDERS: Readonly<Record<number, readonly number[]>> = {
  1: [2, 3],
  2: [3, 6],
  3: [4, 6],
  4: [5, 6, 7, 11, 15],
  5: [7],
  6: [15, 17, 34],
  7: [8, 11, 15],
  8: [9, 10, 11],
  9: [10],
  10: [11, 23, 25],
  11: [12, 13, 15, 25, 31],
  12: [13, 19, 31],
  13: [14, 15, 19, 20],
  14: [15, 16, 20, 21],
  15: [16, 17],
  16: [17, 21, 22, 34, 47],
  17: [34],
  18: [19, 21, 22, 31, 32],
  19: [20, 21, 31],
  20: [21],
  21: [22],
  22: [32, 34, 47],
  23: [24, 25, 30],
  24: [26, 28, 30],
  25: [30, 31],
  26: [27, 28, 37, 39],
  27: [28, 29, 30, 35, 37],
  28: [30],
  29: [35, 37, 38, 42],
  30: [31, 32, 35],
  31: [32],
  32: [33, 34, 35, 36],
  33: [34, 36, 44, 45, 46],
  34: [47],
  35: [36, 42, 46],
  36: [45, 46],
  37: [38, 39, 40, 41, 42],
  38: [41, 42],
  39: [40],
  40: [41],
  41: [42],
  42: [43, 46],
  43: [44, 45, 46],
  44: [45],
  45: [46],
};

const NEIGHBOURS: ReadonlyMap<number, readonly number[]> = (() => {
  const map = new Map<number, number[]>();
  const add = (a: number, b: number) => map.set(a, [...(map.get(a) ?? []), b]);
  for (const [a, list] of Object.entries(BORDERS)) {
    for (const b of list) {
      add(Number(a), b);
      add(b, Number(a));
    }
  }
  for (const list of map.values()) list.sort((x, y) => x - y);
  return map;
})();

/** The counties bordering `county`, by code, ascending; [] for an unknown code. */
export function neighbouringCounties(county: number): readonly number[] {
  return NEIGHBOURS.get(county) ?? [];
}

export function areNeighbours(a: number, b: number): boolean {
  return a !== b && neighbouringCounties(a).includes(b);
}
