/** Shared steps for the bot's end-to-end tests. */
import type { TelegramDouble, TelegramUser } from '../../support/telegram';
import type { DoubleState } from '../../support/telegram/state';

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

const EN = {
  report: '📝 Report an incident',
  police: 'Police misconduct',
  bribery: 'Bribery or extortion by police',
  today: 'Today',
  skip: 'Skip',
  no: 'No',
  anonymous: '🕶 Stay anonymous',
};
const SW = {
  report: '📝 Ripoti tukio',
  police: 'Utovu wa nidhamu wa polisi',
  bribery: 'Polisi kuitisha hongo au kulazimisha pesa',
  today: 'Leo',
  skip: 'Ruka',
  no: 'Hapana',
  anonymous: '🕶 Bila kutaja jina langu',
};

export type Stop = 'kind' | 'cat' | 'desc' | 'county' | 'place' | 'when' | 'ev' | 'danger' | 'anon' | 'review';

/** Walks a new report (police bribery, Nakuru, today, no evidence, no danger, anonymous) up to `stop`. */
export async function walkTo(u: TelegramUser, stop: Stop, lang: 'en' | 'sw' = 'en', story = 'Police asked me for a bribe at the junction.'): Promise<void> {
  const b = lang === 'en' ? EN : SW;
  const order: Stop[] = ['kind', 'cat', 'desc', 'county', 'place', 'when', 'ev', 'danger', 'anon', 'review'];
  const steps: Record<Stop, () => Promise<unknown>> = {
    kind: async () => {
      await u.sendText('/start');
      await u.press(b.report);
    },
    cat: () => u.press(b.police),
    desc: () => u.press(b.bribery),
    county: () => u.sendText(story),
    place: () => u.sendText('Nakuru'),
    when: () => u.sendText('Naivasha road junction'),
    ev: () => u.press(b.today),
    danger: () => u.press(b.skip),
    anon: () => u.press(b.no),
    review: () => u.press(b.anonymous),
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
export const lastText = (u: TelegramUser): string => shown(u.lastMessage());
/** Every bot message in the chat as the person reads them. */
export const allTexts = (u: TelegramUser): string[] => u.messages().map(shown);
