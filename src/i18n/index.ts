import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';

export const LANGUAGES = ['en', 'sw'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const LOCALES_DIR = join(__dirname, '..', '..', 'locales');

export function isLang(s: unknown): s is Lang {
  return s === 'en' || s === 'sw';
}

/** Telegram's language_code: "sw" (or "sw-KE") means Swahili; anything else gets English. */
export function languageFromTelegram(code: string | undefined): Lang {
  return code?.toLowerCase().split(/[-_]/)[0] === 'sw' ? 'sw' : 'en';
}

export type Resources = Record<Lang, Record<string, Record<string, unknown>>>;

/** Reads locales/<lang>/<namespace>.json. Synchronous: done once at start-up. */
export function loadResources(dir = LOCALES_DIR): Resources {
  const out = {} as Resources;
  for (const lang of LANGUAGES) {
    out[lang] = {};
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      out[lang][basename(file, '.json')] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return out;
}

/**
 * One i18next instance for the whole process (bot, notices, console). Translations are looked
 * up per call with `t(lang, key)`, never by switching a global language, because many
 * conversations in both languages are handled at the same time.
 */
export class Translator {
  /** Texts without variables, by language and key: the same few hundred are asked on every update. */
  private readonly plain = new Map<string, string>();

  private constructor(private readonly i18n: I18n) {}

  static async create(resources: Resources = loadResources()): Promise<Translator> {
    const instance = i18next.createInstance();
    await instance.init({
      resources,
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: Object.keys(resources.en),
      defaultNS: 'bot',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    return new Translator(instance);
  }

  t(lang: Lang, key: string, vars?: Record<string, unknown>): string {
    if (vars) return this.i18n.t(key, { lng: lang, ...vars });
    // Resources never change after start-up, so a text without variables is looked up once.
    const memo = `${lang}:${key}`;
    let text = this.plain.get(memo);
    if (text === undefined) {
      text = this.i18n.t(key, { lng: lang });
      // A missing key answers with itself: not kept, so no caller can grow the map without bound.
      if (!key.endsWith(text)) this.plain.set(memo, text);
    }
    return text;
  }

  /** A t bound to one language, for a single update or page render. */
  fixed(lang: Lang, ns?: string): TFunction {
    return this.i18n.getFixedT(lang, ns);
  }

  exists(key: string, lang: Lang = 'en'): boolean {
    return this.i18n.exists(key, { lng: lang });
  }
}
