import { Routes } from '../routes';
import type { BotContext } from '../context';
import type { Message } from 'telegraf/types';
import * as kb from '../keyboards';
import { asksWhoSees, fearLanguage, fearsBeingKnown, greetingOnly, LIMITS, type Greeting } from '../../domain';
import { captionOf, mediaOf } from '../media';
import { beginReport, earlyStory, earlyVoice, firstWords, passedOn, passedOnRef, passedOnText, type FirstMessage } from '../wizard';

/** What no feature handled: an old or foreign button is "stale"; any other message gets the main menu. */
export function unhandled(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.on('callback_query', async (ctx) => {
    await ctx.answerCbQuery(ctx.t('wizard.stale'));
    await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
  });
  c.on('message', async (ctx) => {
    if ('contact' in ctx.message || 'location' in ctx.message) return leftOver(ctx, 'contact' in ctx.message ? ctx.message.contact.user_id : ctx.from?.id);
    // A forwarded text that begins with "/" is someone else's words, not a command.
    const unknownCommand = 'text' in ctx.message && ctx.message.text.startsWith('/') && !passedOn(ctx.message, ctx.from?.id);
    // "Naogopa watanijua" alone, before any report: how to stay unknown, and the start buttons (it was the bare menu, or the story of a report).
    if (!unknownCommand && 'text' in ctx.message && !passedOn(ctx.message, ctx.from?.id) && fearsBeingKnown(ctx.message.text)) {
      // In the language it is written in, unless one was chosen or guessed (as a greeting is: `greetBack`).
      if (!ctx.session.lang && !ctx.session.guessed) ctx.lang = ctx.session.guessed = fearLanguage(ctx.message.text);
      return void (await ctx.reply(ctx.t('start.fear'), kb.startChoice(ctx.t, ctx.lang)));
    }
    // Someone who starts by writing (or saying) what happened, or by sending a photo of it: a report begins with it.
    const story = unknownCommand ? undefined : storyOf(ctx.message, ctx.from?.id);
    if (story === 'too_big') {
      await ctx.reply(ctx.t('ev.too_big', { mb: LIMITS.evidenceMaxBytes / (1024 * 1024) }));
      await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
      return;
    }
    if (story) return beginReport(ctx, undefined, story);
    // "Ni salama kuripoti hapa?", "nani ataona?": answered before anything is told (it was the bare menu).
    if (!unknownCommand && 'text' in ctx.message && asksWhoSees(ctx.message.text)) return void (await ctx.reply(ctx.t('privacy.short'), kb.mainMenu(ctx.t)));
    // A few words that say what to do ("nataka kuripoti polisi", "Polisi wamenipiga", "saidieni").
    const first = !unknownCommand && 'text' in ctx.message && !passedOn(ctx.message, ctx.from?.id) ? firstWords(ctx.message.text) : undefined;
    if (first) return beginReport(ctx, first.kind, first.story, first.dangerSaid, first.identity);
    // "Habari", "niaje", "is this Ripoti?": what Ripoti is for, warmly, above the menu (it was the bare menu).
    const hello = !unknownCommand && 'text' in ctx.message ? greetingOnly(ctx.message.text) : undefined;
    if (hello) return greetBack(ctx, hello);
    await ctx.reply(ctx.t(unknownCommand ? 'menu.unknown_command' : 'menu.prompt'), kb.mainMenu(ctx.t));
  });
  return c;
}

/**
 * A greeting answered in the language it is written in, unless one was chosen or already guessed
 * (`sessionLanguage`): one word is too few for `guessLanguage`, but "niaje" is Swahili. Kept as
 * the guess, so that a report begun from the menu goes on in it.
 */
async function greetBack(ctx: BotContext, hello: Greeting): Promise<void> {
  if (!ctx.session.lang && !ctx.session.guessed) ctx.lang = ctx.session.guessed = hello.lang;
  await ctx.reply(ctx.t(hello.kind === 'what' ? 'menu.what_is_this' : hello.kind === 'name' ? 'menu.hello_named' : 'menu.hello'), kb.mainMenu(ctx.t));
}

/**
 * A phone number or location with no report being written: most often the button of a report whose
 * conversation expired (24 hours), which is said rather than answered with a bare menu. A contact
 * card is not passed on to staff: said, with how to give them the number.
 */
async function leftOver(ctx: BotContext, owner: number | undefined): Promise<void> {
  // A card sent on purpose (someone else's, or their own while a ticket is open) meant it for staff.
  const forStaff = owner !== undefined && (owner !== ctx.from?.id || (ctx.from && (await ctx.deps.conversation.openTickets(ctx.from.id)).length > 0));
  if (forStaff) return void (await ctx.reply(ctx.t(owner === ctx.from?.id ? 'contact.card_not_sent_own' : 'contact.card_not_sent'), kb.mainMenu(ctx.t)));
  await ctx.reply(ctx.t('wizard.gone'), kb.removeKeyboard());
  await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
}

/**
 * What a first message brings to a new report: a story written or said, or else a file (a photo of
 * what happened, sent before anything else), kept as evidence with its caption, which is the
 * story too when it tells what happened; `too_big` for a file over the limit, which is said
 * rather than dropped. A text, a voice note or a caption passed on from someone else is evidence,
 * not the reporter's account: their own words are asked for.
 */
function storyOf(msg: Message, fromId: number | undefined): FirstMessage | 'too_big' | undefined {
  const theirs = !passedOn(msg, fromId);
  // Someone else's words passed on (a post, a threat) begin a report as evidence, not as its story.
  if ('text' in msg) return theirs ? earlyStory(msg.text) : { passedOn: passedOnRef(passedOnText(msg, msg.text)) };
  const media = mediaOf(msg);
  if (!media) return undefined;
  const voice = theirs ? earlyVoice(media) : undefined;
  if (voice) return voice;
  if (media.size !== undefined && media.size > LIMITS.evidenceMaxBytes) return 'too_big';
  const caption = captionOf(msg);
  const album = 'media_group_id' in msg && msg.media_group_id ? { album: true as const } : {};
  const told = caption && theirs ? earlyStory(caption) : undefined;
  const from = theirs ? undefined : passedOnText(msg, '').from;
  return { file: { ...media, ...(caption ? { caption: caption.slice(0, 1024) } : {}), ...(from ? { forwardedFrom: from.slice(0, 200) } : {}) }, ...album, ...told };
}

/**
 * The error boundary: logs the update id and the error only (the serializer keeps no request
 * payload, which could echo the reporter's words), and tells the reporter in their language.
 * "Your answers are kept" only where it is true, in the middle of a report (the draft lives in
 * the session); otherwise a message (to the staff, say) may be lost: send it again; and a button
 * outside a report (Send's own tap is in one: the report is then stored, or it is not) is tried again.
 */
export async function apologise(err: unknown, ctx: BotContext): Promise<void> {
  ctx.log.error({ err, updateType: ctx.updateType }, 'update failed');
  try {
    if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    if (ctx.chat) await ctx.reply(ctx.t(apologyFor(ctx)));
  } catch (replyErr) {
    ctx.log.warn({ err: replyErr }, 'could not tell the reporter about the error');
  }
}

function apologyFor(ctx: BotContext): string {
  const session = (ctx as { session?: BotContext['session'] }).session;
  if (!session || session.draft) return 'error.generic';
  return ctx.callbackQuery ? 'error.retry' : 'error.resend';
}
