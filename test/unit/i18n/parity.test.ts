import { loadResources, Translator, languageFromTelegram } from '../../../src/i18n';

/** Values that are the same in both languages on purpose: names, acronyms, numbers, the date boxes' dd/mm/yyyy mask Kenyan forms use in both. */
const IDENTICAL_ALLOWED = new Set<string>(['console:brand', 'bot:brand', 'console:nav.board', 'casefile:evidence.kind.video', 'triage:word.matatu', 'triage:word.eldoret', 'triage:word.nakuru', 'console:supervisor.date_placeholder']);

type Tree = Record<string, unknown>;
const flatten = (o: Tree, pre = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v as Tree, `${pre}${k}.`) : [[`${pre}${k}`, String(v)] as [string, string]]));

const resources = loadResources();
const flat = (lang: 'en' | 'sw') => new Map(Object.entries(resources[lang]).flatMap(([ns, tree]) => flatten(tree).map(([k, v]) => [`${ns}:${k}`, v] as const)));
const en = flat('en');
const sw = flat('sw');
const vars = (s: string) => [...s.matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('have the same namespaces and keys in English and Swahili', () => {
    expect(Object.keys(resources.sw).sort()).toEqual(Object.keys(resources.en).sort());
    expect([...en.keys()].filter((k) => !sw.has(k))).toEqual([]);
    expect([...sw.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('have no Swahili text left in English', () => {
    const same = [...en].filter(([k, v]) => {
      if (IDENTICAL_ALLOWED.has(k)) return false;
      const letters = v.replace(/{{[^}]*}}/g, '').replace(/\$t\([^)]*\)/g, '').replace(/[^A-Za-z]/g, '');
      // Text made only of numbers, symbols and acronyms (IPOA, R-XXXX) needs no translation.
      if (!/[a-z]/.test(letters)) return false;
      return sw.get(k) === v;
    });
    expect(same.map(([k]) => k)).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const mismatched = [...en].filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(sw.get(k) ?? '')));
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('have no empty strings', () => {
    expect([...en, ...sw].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });
});

describe('Translator', () => {
  it('translates per call, so both languages can be served at once', async () => {
    const t = await Translator.create();
    expect(t.t('en', 'common:category.p_bribery')).toBe('Bribery or extortion by police');
    expect(t.t('sw', 'common:category.p_bribery')).toContain('hongo');
    expect(t.t('en', 'common:status.received')).not.toBe(t.t('sw', 'common:status.received'));
  });

  it('picks Swahili only for Telegram language codes that are Swahili', () => {
    expect(languageFromTelegram('sw')).toBe('sw');
    expect(languageFromTelegram('sw-KE')).toBe('sw');
    expect(languageFromTelegram('en-GB')).toBe('en');
    expect(languageFromTelegram('fr')).toBe('en');
    expect(languageFromTelegram(undefined)).toBe('en');
  });
});

describe('texts shown side by side', () => {
  // Siblings (one parent key: the buttons of one keyboard, the options of one question) that
  // English tells apart must be told apart in Swahili too: two "Maelezo" buttons in one menu
  // left a reporter guessing which was the story.
  it('differ in Swahili wherever they differ in English', () => {
    type Key = Parameters<typeof en.get>[0];
    const parents = new Map<string, Key[]>();
    for (const k of en.keys()) {
      if (/_(one|other|zero|two|few|many)$/.test(k)) continue;
      const parent = k.slice(0, k.lastIndexOf('.'));
      parents.set(parent, [...(parents.get(parent) ?? []), k]);
    }
    const clashes: string[] = [];
    for (const keys of parents.values()) {
      for (let i = 0; i < keys.length; i++) {
        for (let j = i + 1; j < keys.length; j++) {
          const [a, b] = [keys[i], keys[j]];
          if (en.get(a) !== en.get(b) && sw.get(a) === sw.get(b)) clashes.push(`${a} = ${b}: "${sw.get(a)}"`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
