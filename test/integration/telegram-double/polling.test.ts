/** The double driven through telegraf in long-polling mode: conversations as a person sees them. */
import { Markup, Telegraf } from 'telegraf';
import { startPolling, TelegramDouble, type RunningBot } from '../../support/telegram';

let tg: TelegramDouble;
let bot: Telegraf;
let running: RunningBot | undefined;

beforeEach(async () => {
  tg = await TelegramDouble.start({ botUsername: 'RipotiBot' });
  bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } });
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await tg.stop();
});

describe('TelegramDouble in polling mode', () => {
  it('round-trips a /start command, with a bot_command entity and the bot identity from getMe', async () => {
    bot.start((ctx) => ctx.reply(`Karibu ${ctx.from.first_name}! I am @${ctx.botInfo.username}`));
    running = await startPolling(bot, tg);
    const amina = tg.user({ firstName: 'Amina', languageCode: 'sw' });

    await amina.sendText('/start');

    expect(amina.lastMessage().text).toBe('Karibu Amina! I am @RipotiBot');
    expect(amina.messages()).toHaveLength(1);
    expect(tg.calls('sendMessage')[0].params).toMatchObject({ chat_id: amina.id, text: 'Karibu Amina! I am @RipotiBot' });
  });

  it('resolves an action only after an async handler finished (no sleeps needed)', async () => {
    bot.on('text', async (ctx) => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await ctx.sendChatAction('typing');
      await ctx.reply('one');
      await ctx.reply('two');
    });
    running = await startPolling(bot, tg);
    const juma = tg.user({ firstName: 'Juma' });

    await juma.sendText('hello');
    expect(juma.messages().map((m) => m.text)).toEqual(['one', 'two']);
    expect(juma.chatActions()).toEqual(['typing']);
    await juma.sendText('again');
    expect(juma.messages()).toHaveLength(4);
  });

  it('presses an inline button: callback query, answerCallbackQuery and editMessageText', async () => {
    bot.start((ctx) =>
      ctx.reply('What happened?', Markup.inlineKeyboard([[Markup.button.callback('Report an incident', 'report')], [Markup.button.callback('Police misconduct', 'police')]])),
    );
    bot.action('police', async (ctx) => {
      await ctx.answerCbQuery('Pole sana');
      await ctx.editMessageText('Tell us what the police did.', Markup.inlineKeyboard([Markup.button.callback('Cancel', 'cancel')]));
    });
    running = await startPolling(bot, tg);
    const amina = tg.user({ firstName: 'Amina' });

    await amina.sendText('/start');
    expect(amina.buttons()).toEqual(['Report an incident', 'Police misconduct']);
    await amina.press('Police misconduct');

    const edited = amina.lastMessage();
    expect(edited).toMatchObject({ text: 'Tell us what the police did.', edited: true });
    expect(amina.messages()).toHaveLength(1);
    expect(amina.buttons()).toEqual(['Cancel']);
    expect(amina.callbackAnswers()).toEqual(['Pole sana']);
    // pressing by exact callback_data works too
    await amina.press('cancel');
    expect(tg.calls('getUpdates').length).toBeGreaterThan(0);
  });

  it('press() fails with a clear error listing the available buttons', async () => {
    bot.start((ctx) => ctx.reply('Choose', Markup.inlineKeyboard([Markup.button.callback('Yes', 'y'), Markup.button.callback('No', 'n')])));
    running = await startPolling(bot, tg);
    const amina = tg.user({ firstName: 'Amina' });
    await amina.sendText('/start');

    await expect(amina.press('Maybe')).rejects.toThrow(/no button "Maybe".*#2 \["Yes","No"\]/);
  });

  it('delivers contact (via a request_contact reply keyboard), location, photo and voice updates', async () => {
    const seen: string[] = [];
    bot.start((ctx) => ctx.reply('Share your number', Markup.keyboard([Markup.button.contactRequest('Share phone')]).oneTime()));
    bot.on('contact', async (ctx) => {
      seen.push(`contact ${ctx.message.contact.phone_number} self=${ctx.message.contact.user_id === ctx.from.id}`);
      await ctx.reply('Asante', Markup.removeKeyboard());
    });
    bot.on('location', (ctx) => {
      seen.push(`location ${ctx.message.location.latitude},${ctx.message.location.longitude}`);
    });
    bot.on('photo', (ctx) => {
      const sizes = ctx.message.photo;
      seen.push(`photo ${sizes.length} sizes, largest ${sizes[sizes.length - 1].file_size} caption=${ctx.message.caption}`);
    });
    bot.on('voice', (ctx) => {
      seen.push(`voice ${ctx.message.voice.duration}s`);
    });
    running = await startPolling(bot, tg);
    const amina = tg.user({ firstName: 'Amina' });

    await amina.sendText('/start');
    expect(amina.replyKeyboard()).toEqual(['Share phone']);
    await amina.press('Share phone');
    expect(amina.replyKeyboard()).toEqual([]);
    await amina.shareLocation(-1.2921, 36.8219);
    const photoId = await amina.sendPhoto({ caption: 'Ballot box', sizeBytes: 150_000 });
    await amina.sendVoice({ durationSec: 12 });

    expect(seen).toEqual([
      'contact +254712345678 self=true',
      'location -1.2921,36.8219',
      'photo 3 sizes, largest 150000 caption=Ballot box',
      'voice 12s',
    ]);
    expect(photoId).toMatch(/^AgAC/);
  });

  it('downloads a user photo through getFileLink and fetch', async () => {
    const downloaded: Buffer[] = [];
    bot.on('photo', async (ctx) => {
      const largest = ctx.message.photo[ctx.message.photo.length - 1];
      const link = await ctx.telegram.getFileLink(largest.file_id);
      const res = await fetch(link);
      downloaded.push(Buffer.from(await res.arrayBuffer()));
    });
    running = await startPolling(bot, tg);
    const amina = tg.user({ firstName: 'Amina' });

    await amina.sendPhoto({ sizeBytes: 4096 });

    expect(downloaded).toHaveLength(1);
    expect(downloaded[0].length).toBe(4096);
    expect(downloaded[0].subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // JPEG magic
  });

  it('waitForMessage catches messages sent later by background work, and times out with a clear list', async () => {
    bot.command('report', async (ctx) => {
      await ctx.reply('Received, ticket opening...');
      // a background worker replies after the handler has returned
      setImmediate(() => void bot.telegram.sendMessage(ctx.chat.id, 'Ticket #42 opened'));
    });
    running = await startPolling(bot, tg);
    const amina = tg.user({ firstName: 'Amina' });

    const ticket = amina.waitForMessage('Ticket #');
    await amina.sendText('/report');
    expect((await ticket).text).toBe('Ticket #42 opened');

    await expect(amina.waitForMessage(/never/, { timeoutMs: 50 })).rejects.toThrow(/timed out after 50 ms; no bot message arrived/);
  });

  it('waitForMessage with a mark finds a message that arrived before the wait began (another process was faster)', async () => {
    running = await startPolling(bot, tg);
    const amina = tg.user({ firstName: 'Amina' });
    const mark = amina.mark();
    // The race the console e2e lost under load: the worker delivered before the test started waiting.
    await bot.telegram.sendMessage(amina.chatId, 'Thank you. Are you safe now?');
    await expect(amina.waitForMessage('Are you safe now?', { timeoutMs: 50 })).rejects.toThrow(/timed out/);
    await expect(amina.waitForMessage('Are you safe now?', { since: mark, timeoutMs: 50 })).resolves.toMatchObject({ text: 'Thank you. Are you safe now?' });
    // A message from before the mark does not count.
    await expect(amina.waitForMessage('Are you safe now?', { since: amina.mark(), timeoutMs: 50 })).rejects.toThrow(/timed out/);
  });

  it('an action fails clearly when no bot consumes updates', async () => {
    const amina = tg.user({ firstName: 'Amina' });
    await expect(amina.sendText('hello', { timeoutMs: 100 })).rejects.toThrow(/never called getUpdates/);
  });

  it('tg.deliver and sendRaw feed odd updates such as edited_message', async () => {
    const edits: string[] = [];
    bot.on('edited_message', (ctx) => {
      if ('text' in ctx.editedMessage) edits.push(ctx.editedMessage.text);
    });
    running = await startPolling(bot, tg);
    const amina = tg.user({ firstName: 'Amina' });
    const sent = await amina.sendText('hello wrld');

    const update = await amina.sendRaw({ edited_message: { ...sent, text: 'hello world', edit_date: sent.date + 1 } });
    await tg.deliver({ edited_message: { ...sent, text: 'hello world!', edit_date: sent.date + 2 } });

    expect(edits).toEqual(['hello world', 'hello world!']);
    expect(update.update_id).toBeGreaterThan(1);
  });
});
