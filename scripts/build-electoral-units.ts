/**
 * Builds data/kenya-electoral-units.json (IEBC's 47 counties -> 290 constituencies -> 1,450 wards).
 * Run: npx tsx scripts/build-electoral-units.ts
 *
 * Source: the npm package kenya-locations@0.1.8 (MIT, David Amunga), which carries IEBC's
 * constituency codes (001-290) and ward codes (0001-1450). It lists 1,448 wards: codes 0737 and
 * 1344 are missing. Those two are taken from a second MIT package,
 * kenya-administrative-divisions@0.0.18 (Michael Njuguna), which names exactly one ward in each of
 * the two constituencies that kenya-locations lacks: Cherang'any/Chebororwa (Marakwet West, between
 * 0736 Sengwer and 0738 Moiben/Kuserwo) and Kitutu Central (Kitutu Chache South, between 1343
 * Nyakoe and 1345 Nyatieko). The second package is otherwise not used: it has many misspellings.
 * Both tarballs are fetched with `npm pack` and checked against the integrity recorded here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGES = {
  locations: {
    spec: 'kenya-locations@0.1.8',
    integrity: 'sha512-BzQ+PpEkoIGqgRw0WnyTEp51AcMmz3xHb4ztlv5Y40G6rD64Vks0GfTVhQMUZNvWOSs3CfEWcHIbYK3h0MTo+A==',
  },
  divisions: {
    spec: 'kenya-administrative-divisions@0.0.18',
    integrity: 'sha512-+mD4D319PqXCBJjYBSvULNUxul3kjiCPVSjYcCPakCa7JoI0scfm+K+4FtGfQjfq3q3eRNcqR3kwmtpx3O02aw==',
  },
};

/** The two wards kenya-locations lacks: code, constituency, and the name as the second package spells it. */
const GAPS = [
  { code: 737, constituency: 'Marakwet West', nameIn2ndPackage: 'Cherang’any/Chebororwa' },
  { code: 1344, constituency: 'Kitutu Chache South', nameIn2ndPackage: 'KITUTU CENTRAL' },
];

interface KlUnit { code: string; name: string; county?: string; constituency?: string }
interface KadCounty { county_code: number; county_name: string; constituencies: { constituency_name: string; wards: string[] }[] }

function pack(dir: string, spec: string, integrity: string): string {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir, spec], { encoding: 'utf8' });
  const [info] = JSON.parse(out) as { integrity: string; filename: string }[];
  if (info.integrity !== integrity) throw new Error(`${spec}: integrity ${info.integrity} is not the one checked`);
  const into = join(dir, spec.replace(/[@/]/g, '_'));
  execFileSync('mkdir', ['-p', into]);
  execFileSync('tar', ['xzf', join(dir, info.filename), '-C', into]);
  return join(into, 'package');
}

/** "Dedan kimanthi" -> "Dedan Kimanthi"; "KITUTU CENTRAL" -> "Kitutu Central". Spelling is kept. */
function tidy(name: string): string {
  const straight = name.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  const lower = straight === straight.toUpperCase() ? straight.toLowerCase() : straight;
  return lower.replace(/(^|[\s/-])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function main(): void {
  const tmp = mkdtempSync(join(tmpdir(), 'electoral-units-'));
  try {
    const klDir = pack(tmp, PACKAGES.locations.spec, PACKAGES.locations.integrity);
    const kadDir = pack(tmp, PACKAGES.divisions.spec, PACKAGES.divisions.integrity);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const kl = require(join(klDir, 'dist', 'index.cjs')) as { counties: KlUnit[]; constituencies: KlUnit[]; wards: KlUnit[] };
    const kad = JSON.parse(readFileSync(join(kadDir, 'county.json'), 'utf8')) as KadCounty[];

    const wards = kl.wards.map((w) => ({ code: Number(w.code), name: tidy(w.name), constituency: w.constituency as string }));
    for (const gap of GAPS) {
      if (wards.some((w) => w.code === gap.code)) throw new Error(`ward ${gap.code} is no longer missing: drop it from GAPS`);
      const found = kad.flatMap((c) => c.constituencies).find((c) => c.constituency_name === gap.constituency);
      if (!found?.wards.includes(gap.nameIn2ndPackage)) throw new Error(`${gap.nameIn2ndPackage} not in ${gap.constituency}`);
      wards.push({ code: gap.code, name: tidy(gap.nameIn2ndPackage), constituency: gap.constituency });
    }

    const byCode = (a: { code: number }, b: { code: number }) => a.code - b.code;
    const counties = kl.counties
      .map((c) => ({ code: Number(c.code), name: c.name }))
      .sort(byCode)
      .map((county) => ({
        ...county,
        constituencies: kl.constituencies
          .filter((k) => k.county === county.name)
          .map((k) => ({ code: Number(k.code), name: k.name }))
          .sort(byCode)
          .map((k) => ({ ...k, wards: wards.filter((w) => w.constituency === k.name).map(({ code, name }) => ({ code, name })).sort(byCode) })),
      }));

    const data = {
      source:
        `IEBC electoral units (county codes 1-47, constituency codes 1-290, ward codes 1-1450) from the npm package ${PACKAGES.locations.spec} (MIT, David Amunga). ` +
        `Wards 737 and 1344, missing there, are named from ${PACKAGES.divisions.spec} (MIT, Michael Njuguna). ` +
        'Names as in the packages, with first letters capitalised and curly apostrophes straightened. Built by scripts/build-electoral-units.ts; re-check against IEBC before an election.',
      supplementedWardCodes: GAPS.map((g) => g.code),
      counties,
    };
    writeFileSync(join(__dirname, '..', 'data', 'kenya-electoral-units.json'), JSON.stringify(data, null, 1) + '\n');
    const nc = counties.reduce((n, c) => n + c.constituencies.length, 0);
    const nw = counties.reduce((n, c) => n + c.constituencies.reduce((m, k) => m + k.wards.length, 0), 0);
    process.stdout.write(`wrote ${counties.length} counties, ${nc} constituencies, ${nw} wards\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
