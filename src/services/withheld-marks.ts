import type { Lang, Translator } from '../i18n';

/** What stands for a withheld phone number, name, shared place or email address in text kept or sent without them. */
export type WithheldMarks = { phone: string; name: string; location: string; email: string };

/** The marks in `language`, as case files, evidence archives and retention write them (no PDF code: the worker loads it). */
export function withheldMarks(translator: Translator, language: Lang): WithheldMarks {
  const t = (key: string) => translator.t(language, key);
  return { phone: t('casefile:timeline.phone_withheld'), name: t('casefile:timeline.name_withheld'), location: t('casefile:timeline.location_withheld'), email: t('casefile:timeline.email_withheld') };
}
