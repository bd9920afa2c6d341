/**
 * Local Telegram Bot API double for tests.
 *
 *   const tg = await TelegramDouble.start();
 *   const bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } });
 *   const amina = tg.user({ firstName: 'Amina', languageCode: 'sw' });
 *   await amina.sendText('/start');            // resolves after the bot handled the update
 *   expect(amina.lastMessage().text).toContain('Karibu');
 *
 * "Handled" means: polling — the bot called getUpdates with an offset past the update (telegraf
 * does that only after its handler for the batch finished); webhook — the bot's HTTP answer to
 * the POST arrived. Caveat: telegraf's webhookReply (on by default) answers the POST early when
 * a handler calls answerCbQuery/deleteMessage/sendChatAction first, so in webhook tests create
 * the bot with `telegram: { webhookReply: false }` to keep "handled" exact.
 */
export { TelegramDouble, type StartOptions } from './double';
export type { LimitOptions } from './limits';
export { TelegramUser, type ActionOptions, type MediaOptions, type UserOptions } from './user';
export type { FileKind } from './files';
export * from './types';
export { startPolling, startWebhook, type RunningBot, type WebhookBotOptions } from './telegraf';
