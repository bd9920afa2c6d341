import type { Telegraf } from 'telegraf';
import type { Lang } from '../i18n';
import type { BotContext, BotDeps } from './context';

/** What each command does, and its name in each language: both names always work. */
export const COMMANDS = {
  start: { en: 'start', sw: 'start' },
  report: { en: 'report', sw: 'ripoti' },
  status: { en: 'status', sw: 'hali' },
  cancel: { en: 'cancel', sw: 'ghairi' },
  language: { en: 'language', sw: 'lugha' },
  help: { en: 'help', sw: 'msaada' },
  privacy: { en: 'privacy', sw: 'faragha' },
  forget: { en: 'forget', sw: 'nisahau' },
} as const satisfies Record<string, Record<Lang, string>>;

export type CommandId = keyof typeof COMMANDS;

/** Every name of a command, for `Routes.command` (src/bot/routes.ts). */
export function namesOf(id: CommandId): string[] {
  return [...new Set(Object.values(COMMANDS[id]))];
}

/** The command menu in one language: its names, described in it. */
export function commandList(deps: Pick<BotDeps, 'translator'>, lang: Lang): { command: string; description: string }[] {
  return (Object.keys(COMMANDS) as CommandId[]).map((id) => ({ command: COMMANDS[id][lang], description: deps.translator.t(lang, `bot:commands.${id}`) }));
}

/** At start: English for everyone, Swahili names for Telegram apps set to Swahili. */
export async function registerCommands(bot: Telegraf<BotContext>, deps: Pick<BotDeps, 'translator'>): Promise<void> {
  await bot.telegram.setMyCommands(commandList(deps, 'en'));
  await bot.telegram.setMyCommands(commandList(deps, 'sw'), { language_code: 'sw' });
}

/** After the reporter chose a language: this chat's command menu in it (Telegram's per-chat scope). */
export async function setChatCommands(ctx: BotContext, lang: Lang): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  await ctx.telegram.setMyCommands(commandList(ctx.deps, lang), { scope: { type: 'chat', chat_id: chatId } }).catch((err: unknown) => ctx.log.warn({ err }, 'could not set the chat commands'));
}

/**
 * After the reporter asked to be forgotten: this chat's own command menu goes (the default one
 * shows again), as their language choice does. Asked whether or not one was set: Telegram answers
 * true either way, and nothing records which chats have one.
 */
export async function clearChatCommands(ctx: BotContext): Promise<void> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  await ctx.telegram.deleteMyCommands({ scope: { type: 'chat', chat_id: chatId } }).catch((err: unknown) => ctx.log.warn({ err }, 'could not delete the chat commands'));
}
