/** Shared steps for the bot's end-to-end tests. */
import { loadResources } from '../../../src/i18n';
import type { TelegramDouble, TelegramUser } from '../../support/telegram';
import type { DoubleState } from '../../support/telegram/state';
import type { BotHarness } from '../../support/bot-harness';

export function referenceIn(text: string): string {
  const m = /R-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(text);
  if (!m) throw new Error(`no reference in ${JSON.stringify(text)}`);
  return m[0];
}

/** DD/MM/YYYY of the Kenyan day (UTC+3) containing `d`, as a reporter would type it. */
export function formatDayEat(d: Date): string {
  const iso = new Date(d.getTime() + 3 * 3600 * 1000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * The bot's clock for tests that check a Kenyan day ("yesterday", today's date as the example):
 * the real time, or two hours earlier when Kenyan midnight is within an hour, so that the day the
 * bot works out at a tap and the day the test works out a moment later are one day. Pass it to
 * startBotHarness as `now` and compute expectations with it.
 */
export function clockAwayFromMidnight(): () => Date {
  const HOUR = 3600 * 1000;
  const eatHour = new Date(Date.now() + 3 * HOUR).getUTCHours();
  const offset = eatHour === 23 || eatHour === 0 ? -2 * HOUR : 0;
  return () => new Date(Date.now() + offset);
}

const EN = {
  menu: '☰ Menu in English',
  report: '📝 Report an incident',
  police: 'Police misconduct',
  bribery: 'Bribery or extortion by police',
  no: 'No',
  today: 'Today',
  addFiles: '📎 Add files',
};
const SW = {
  menu: '☰ Menyu kwa Kiswahili',
  report: '📝 Ripoti tukio',
  police: 'Utovu wa nidhamu wa polisi',
  bribery: 'Polisi kuitisha hongo au pesa',
  no: 'Hapana',
  today: 'Leo',
  addFiles: '📎 Ongeza faili',
};

export type Stop = 'kind' | 'cat' | 'danger' | 'desc' | 'county' | 'place' | 'when' | 'review' | 'ev';

/**
 * Walks a new report (police bribery, no danger, Nakuru, today, no details for the agency, no evidence) up to `stop`: the
 * question at `stop` is the newest message. The first /start of a chat offers both languages;
 * the walk takes its language's menu, then "Report an incident".
 */
export async function walkTo(u: TelegramUser, stop: Stop, lang: 'en' | 'sw' = 'en', story = 'Police asked me for a bribe at the junction.'): Promise<void> {
  const b = lang === 'en' ? EN : SW;
  const order: Stop[] = ['kind', 'cat', 'danger', 'desc', 'county', 'place', 'when', 'review', 'ev'];
  const steps: Record<Stop, () => Promise<unknown>> = {
    kind: async () => {
      await u.sendText('/start');
      // A first /start offers the languages, a later one the menu (the answer may come after the
      // update was acknowledged, when the bot is paced under load: firstButton waits for it then).
      if ((await u.firstButton([b.menu, b.report])) === b.menu) await u.press(b.menu);
      await u.press(b.report);
    },
    cat: () => u.press(b.police),
    danger: () => u.press(b.bribery),
    desc: () => u.press(b.no),
    county: () => u.sendText(story),
    place: () => u.sendText('Nakuru'),
    when: () => u.sendText('Naivasha road junction'),
    // The details for the agency are offered from the review: skipping them costs no tap.
    review: () => u.press(b.today),
    ev: () => u.press(b.addFiles),
  };
  for (const s of order) {
    await steps[s]();
    if (s === stop) return;
  }
}

/**
 * A callback_query update for `data` on the newest bot message, as Telegram would send it. The
 * double only accepts answers to queries it issued, so the query id is registered with it.
 */
export function callbackUpdate(tg: TelegramDouble, u: TelegramUser, data: string, updateId: number) {
  const state = (tg as unknown as { state: DoubleState }).state;
  const id = state.allocCallbackId();
  state.callbackQueries.set(id, { id, chatId: u.chatId, data, answered: false });
  const message = u.lastMessage().raw;
  return { update_id: updateId, callback_query: { id, from: u.info, message, chat_instance: `-${tg.botId}${u.chatId}`, data } };
}

/** Delivers a callback query with data no button of ours carries, as a modified client could. */
export async function pressTampered(tg: TelegramDouble, u: TelegramUser, data: string): Promise<void> {
  const { callback_query } = callbackUpdate(tg, u, data, 0);
  await u.sendRaw({ callback_query });
}

/** What the person reads: for parse_mode HTML, the text without tags and with entities decoded. */
export function shown(m: { text?: string; caption?: string; parseMode?: string }): string {
  const body = m.text ?? m.caption ?? '';
  if (m.parseMode !== 'HTML') return body;
  return body.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The newest bot message as the person reads it. */
/** The review's button that files the report without contact details (Confirm, anonymously). */
/** The buttons a police-bribery walk taps, and its story, in each language (shared by the early-place plays). */
export const BRIBERY_WALK = {
  en: { police: 'Police misconduct', bribery: 'Bribery or extortion by police', no: 'No', today: 'Today', back: '‹ Back', story: 'Police asked me for a bribe at the junction.' },
  sw: { police: 'Utovu wa nidhamu wa polisi', bribery: 'Polisi kuitisha hongo au pesa', no: 'Hapana', today: 'Leo', back: '‹ Nyuma', story: 'Polisi waliniitisha hongo ya mia tano.' },
} as const;

export const SEND_ANONYMOUSLY: Record<'en' | 'sw', string> = { en: '🕶 Send anonymously', sw: '🕶 Tuma bila kutaja jina langu' };

export const lastText = (u: TelegramUser): string => shown(u.lastMessage());
/**
 * What the bot said above the question it asks again (a mistake, "you have a report in
 * progress"): the newest message's first paragraph. The wizard puts such a notice at the top of
 * the question's message rather than in a message of its own.
 */
export const said = (u: TelegramUser): string => lastText(u).split('\n\n')[0];
/** The live wizard question (the newest bot message with the wizard's buttons), as the person reads it. */
export const questionText = (u: TelegramUser): string => {
  const asked = u.messages().filter((m) => m.raw.reply_markup?.inline_keyboard.flat().some((b) => 'callback_data' in b && String(b.callback_data).startsWith('w:')));
  return asked.length ? shown(asked[asked.length - 1]) : '';
};
/** Every bot message in the chat as the person reads them. */
export const allTexts = (u: TelegramUser): string[] => u.messages().map(shown);

type Tree = Record<string, unknown>;
const leaves = (o: Tree): string[] => Object.values(o).flatMap((v) => (v && typeof v === 'object' ? leaves(v as Tree) : [String(v)]));

/**
 * Pieces of every English text a reporter can read (the bot's namespaces), at least 8 characters
 * long and different from Swahili: a Swahili reply containing one of them shows English.
 */
export function englishFragments(): string[] {
  const res = loadResources();
  const sw = new Set(['bot', 'common', 'limits', 'notices'].flatMap((ns) => leaves(res.sw[ns] as Tree)));
  const pieces = ['bot', 'common', 'limits', 'notices']
    .flatMap((ns) => leaves(res.en[ns] as Tree))
    .filter((v) => !sw.has(v))
    .flatMap((v) => v.split(/{{[^}]*}}|\$t\([^)]*\)|<[^>]+>|\n|[.:;!?]/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 8 && /[a-z]{3}/.test(p) && !/^\/|R-X/.test(p));
  return [...new Set(pieces)];
}

/** Fails with the English piece and the text it was found in. */
export function expectNoEnglish(texts: string[], fragments = englishFragments()): void {
  const found = texts.flatMap((t) => fragments.filter((f) => t.includes(f)).map((f) => `"${f}" in ${JSON.stringify(t.slice(0, 120))}`));
  expect(found).toEqual([]);
}

/** Counts what a person does (messages sent, buttons tapped, things shared): a tap that sends a text counts once. */
export function countActions(u: TelegramUser): { count(): number } {
  let n = 0;
  let depth = 0;
  for (const m of ['sendText', 'press', 'shareLocation', 'shareContact', 'sendPhoto', 'sendVoice', 'sendDocument', 'sendVideo', 'sendSticker'] as const) {
    const original = (u[m] as (...a: unknown[]) => Promise<unknown>).bind(u);
    (u as unknown as Record<string, unknown>)[m] = async (...args: unknown[]) => {
      if (depth === 0) n++;
      depth++;
      try {
        return await original(...args);
      } finally {
        depth--;
      }
    };
  }
  return { count: () => n };
}

/** A report sent with the reporter's phone number (so staff see who they are); its reference. */
export async function submitNamed(u: TelegramUser, story?: string): Promise<string> {
  await walkTo(u, 'review', 'en', story);
  await u.press('📞 Send with my phone number');
  await u.press('📱 Send my phone number', { phoneNumber: '+254722000111' });
  return referenceIn(lastText(u));
}

/** The review's title, in each language. */
const REVIEW_TITLE = { en: 'Please check your report', sw: 'Tafadhali angalia ripoti yako' } as const;

/** At the day question: Today, the review, sent anonymously; the report as stored. */
export async function sendTodayAndRead(h: Pick<BotHarness, 'store'>, u: TelegramUser, lang: 'en' | 'sw') {
  await u.press(BRIBERY_WALK[lang].today);
  expect(lastText(u)).toContain(REVIEW_TITLE[lang]);
  await u.press(SEND_ANONYMOUSLY[lang]);
  return h.store.reports.findByReference(referenceIn(lastText(u)));
}

/** A new report walked to "Where in <county>?" (the county typed). */
export async function walkToPlace(tg: TelegramDouble, lang: 'en' | 'sw', name: string, county: string): Promise<TelegramUser> {
  const u = tg.user({ firstName: `${name} ${lang}`, languageCode: lang });
  await walkTo(u, 'county', lang);
  await u.sendText(county);
  return u;
}

/**
 * A bribery report begun with a place typed at the kind or category question, walked on until its
 * story is told (the county question next); `afterPlace` checks the reply to the place.
 */
export async function placeTypedEarly(tg: TelegramDouble, lang: 'en' | 'sw', name: string, at: 'kind' | 'cat', place: string, afterPlace?: (u: TelegramUser) => void): Promise<TelegramUser> {
  const l = BRIBERY_WALK[lang];
  const u = tg.user({ firstName: `${name} ${lang}`, languageCode: lang });
  await walkTo(u, at, lang);
  await u.sendText(place);
  afterPlace?.(u);
  if (at === 'kind') await u.press(l.police);
  await u.press(l.bribery);
  await u.press(l.no);
  await u.sendText(l.story);
  return u;
}
