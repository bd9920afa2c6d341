/**
 * The playground's chat page against a tiny telegraf bot (no Ripoti, no Redis, no MongoDB): a
 * person picks a name and language, taps START, inline buttons (toast, alert, edit in place),
 * reply-keyboard buttons (plain and "share phone number"), shares a location, attaches a photo
 * from disk and types; bot HTML is rendered with only safe tags; a tap survives the chat changing
 * between press and release.
 */
import { Markup, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Browser, Locator, Page } from 'playwright-core';
import { startPolling, TelegramDouble, type RunningBot } from '../../support/telegram';
import { startChatServer, type ChatServer } from '../../../playground/chat-server';
import { artifactPath, launchChromium, makePng, phonePage } from '../../support/browser';

jest.setTimeout(60_000);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** /slow shows "typing…" until the test opens this gate (opening it early is fine too). */
let releaseSlow: () => void = () => undefined;
const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));

function tinyBot(tg: TelegramDouble): Telegraf {
  const bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot } });
  bot.command('slow', async (ctx) => {
    await ctx.sendChatAction('typing');
    await slowGate;
    await ctx.reply('Sorry for the wait');
  });
  bot.command('evil', (ctx) =>
    ctx.reply(
      [
        '<a href="&#106;avascript:window.__xss=4">entity js</a>',
        '<A HREF=" JaVaScRiPt:window.__xss=5">spaced js</A>',
        '<a href=javascript:window.__xss=6>bare js</a>',
        '<a href="data:text/html,<script>window.__xss=7</script>">data</a>',
        '<a href="https://ok.example/" onclick="window.__xss=8" style="color:red">ok link</a>',
        '<b onmouseover="window.__xss=9">bold</b><svg onload="window.__xss=10"><circle/></svg>',
        '<iframe src="javascript:window.__xss=11"></iframe><style>body{display:none}</style>',
        '<pre><code class="language-js">let a = 1 &lt; 2;</code></pre>',
        'unclosed <i>italic </b> stray < and &amp;lt;',
      ].join('\n'),
      { parse_mode: 'HTML' },
    ),
  );
  bot.help((ctx) => ctx.reply(`Help for ${ctx.from.language_code ?? '?'}`));
  bot.start((ctx) =>
    ctx.reply(
      `<b>Karibu</b>, <i>${escapeHtml(ctx.from.first_name)}</i> (${ctx.from.language_code ?? '?'})! <u>under</u> <s>gone</s> <code>R-7K3F</code>\n` +
        '<pre>pre text</pre><a href="https://example.org/x">a link</a> <a href="javascript:window.__xss=3">bad link</a> ' +
        '<script>window.__xss=1</script><img src="x" onerror="window.__xss=2"><tg-spoiler>spoiler</tg-spoiler> 1 &lt; 2 &amp;&amp; 3 &gt; 2',
      {
        parse_mode: 'HTML',
        ...Markup.inlineKeyboard([
          [Markup.button.callback('Report', 'report'), Markup.button.callback('Help', 'help')],
          [Markup.button.url('Website', 'https://example.org')],
        ]),
      },
    ),
  );
  bot.action('help', (ctx) => ctx.answerCbQuery('Help is on the way', { show_alert: true }));
  bot.action('report', async (ctx) => {
    await ctx.answerCbQuery('Got it');
    await ctx.editMessageText('Report: <b>started</b>', { parse_mode: 'HTML' });
    await ctx.reply('Share your phone?', Markup.keyboard([[Markup.button.contactRequest('Share my phone number')], [Markup.button.locationRequest('Send my location')], ['Skip']]).resize());
  });
  bot.on(message('contact'), (ctx) => ctx.reply(`Thanks, phone ${ctx.message.contact.phone_number}`, Markup.removeKeyboard()));
  bot.on(message('location'), (ctx) => ctx.reply(`You are at ${ctx.message.location.latitude},${ctx.message.location.longitude}`));
  bot.on(message('photo'), async (ctx) => {
    const largest = ctx.message.photo[ctx.message.photo.length - 1];
    const link = await ctx.telegram.getFileLink(largest.file_id);
    const bytes = Buffer.from(await (await fetch(link)).arrayBuffer());
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
    await ctx.replyWithPhoto(largest.file_id, { caption: `Got your photo: ${jpeg ? 'JPEG' : 'not JPEG'} ${largest.width}x${largest.height}, "${ctx.message.caption ?? ''}"` });
  });
  bot.on(message('document'), async (ctx) => {
    const doc = ctx.message.document;
    const bytes = Buffer.from(await (await fetch(await ctx.telegram.getFileLink(doc.file_id))).arrayBuffer());
    await ctx.replyWithDocument(doc.file_id, { caption: `Got ${doc.file_name} (${doc.mime_type}, ${bytes.length} bytes: ${bytes.toString('utf8')})` });
  });
  bot.on(message('text'), (ctx) => ctx.reply(`You said: ${ctx.message.text}`));
  return bot;
}

const botRow = (page: Page, text: string) => page.locator('.row.bot', { hasText: text });
const myRow = (page: Page, text: string) => page.locator('.row.me', { hasText: text });

describe('playground chat page (tiny bot)', () => {
  let tg: TelegramDouble;
  let running: RunningBot;
  let server: ChatServer;
  let browser: Browser;

  beforeAll(async () => {
    tg = await TelegramDouble.start({ botFirstName: 'Tiny Bot', botUsername: 'TinyTestBot' });
    const bot = tinyBot(tg);
    await bot.telegram.setMyCommands([{ command: 'start', description: 'Start' }, { command: 'help', description: 'Help' }]);
    await bot.telegram.setMyCommands([{ command: 'help', description: 'Msaada' }, { command: 'start', description: 'Anza' }], { language_code: 'sw' });
    running = await startPolling(bot, tg);
    server = await startChatServer({ tg, port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await running?.stop();
    await tg?.stop();
  });

  it('plays a whole conversation like a Telegram chat', async () => {
    const { page, errors } = await phonePage(browser);
    await page.goto(server.url);

    // Name + language picker creates the chat user in the double.
    await page.getByRole('heading', { name: 'Try Tiny Bot' }).waitFor();
    await page.getByLabel('Your first name').fill('Amina <Wanjiru>');
    await page.getByText('Kiswahili').click();
    await page.locator('#setup').getByLabel(/Phone number/).fill('+254711000111');
    await page.getByRole('button', { name: 'Start chatting' }).click();
    await page.locator('#chat').waitFor();
    const [person] = server.users();
    expect(person.info).toMatchObject({ first_name: 'Amina <Wanjiru>', language_code: 'sw' });

    // START sends /start; the HTML reply keeps only safe tags.
    await page.getByRole('button', { name: 'START', exact: true }).click();
    await myRow(page, '/start').waitFor();
    const welcome = botRow(page, 'Karibu');
    await welcome.waitFor();
    const text = welcome.locator('.text');
    expect(await text.locator('b').first().textContent()).toBe('Karibu');
    expect(await text.locator('i').textContent()).toBe('Amina <Wanjiru>');
    expect(await text.locator('u').textContent()).toBe('under');
    expect(await text.locator('s').textContent()).toBe('gone');
    expect(await text.locator('code').textContent()).toBe('R-7K3F');
    expect(await text.locator('pre').textContent()).toBe('pre text');
    expect(await text.locator('a[href="https://example.org/x"]').textContent()).toBe('a link');
    expect(await text.locator('a', { hasText: 'bad link' }).getAttribute('href')).toBeNull();
    expect(await page.locator('#messages script, #messages img:not(.photo-wrap img), #messages tg-spoiler').count()).toBe(0);
    expect(await text.textContent()).toContain('spoiler 1 < 2 && 3 > 2');
    expect(await text.textContent()).toContain('(sw)');
    expect(await page.evaluate(() => Reflect.get(window, '__xss'))).toBeUndefined();
    expect(await welcome.locator('.inline-kb a', { hasText: 'Website' }).getAttribute('href')).toBe('https://example.org');

    // Whatever the HTML, the page keeps no attribute but safe hrefs (and no style or handler).
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('/evil');
    await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    const evil = botRow(page, 'entity js');
    await evil.waitFor();
    const found = await evil.locator('.text').evaluate((root) => {
      const tags = new Set<string>();
      const attrs: string[] = [];
      root.querySelectorAll('*').forEach((e) => {
        tags.add(e.tagName.toLowerCase());
        for (const a of Array.from(e.attributes)) if (!e.classList.contains('meta') && !e.closest('.meta')) attrs.push(`${a.name}=${a.value}`);
      });
      return { tags: [...tags].sort(), attrs, text: root.textContent };
    });
    expect(found.tags).toEqual(['a', 'b', 'code', 'i', 'pre', 'span']);
    expect(found.attrs).toEqual(['href=https://ok.example/', 'target=_blank', 'rel=noopener noreferrer']);
    expect(found.text).toContain('let a = 1 < 2;');
    expect(found.text).toContain('stray < and &lt;');
    expect(await page.evaluate(() => Reflect.get(window, '__xss'))).toBeUndefined();

    // An inline button answered with show_alert opens a dialog.
    await welcome.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('alertdialog').getByText('Help is on the way').waitFor();
    await page.getByRole('alertdialog').getByRole('button', { name: 'OK' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'hidden' });

    // Another edits the message in place and shows a toast; a reply keyboard appears.
    const botRowsBefore = await page.locator('.row.bot').count();
    await welcome.getByRole('button', { name: 'Report' }).click();
    await page.locator('#toast', { hasText: 'Got it' }).waitFor();
    const edited = botRow(page, 'Report: started');
    await edited.locator('.edited').waitFor();
    expect(await edited.locator('b').textContent()).toBe('started');
    await botRow(page, 'Share your phone?').waitFor();
    expect(await page.locator('.row.bot').count()).toBe(botRowsBefore + 1);
    expect(await page.locator('.row.bot', { hasText: 'Karibu' }).count()).toBe(0);
    const keyboard = page.locator('#reply-keyboard');
    await keyboard.waitFor();
    expect(await keyboard.locator('button').allTextContents()).toEqual(['Share my phone number', 'Send my location', 'Skip']);

    await page.screenshot({ path: artifactPath('playground-chat-tinybot-keyboards.png') });

    // A plain reply-keyboard button sends its text.
    await keyboard.getByRole('button', { name: 'Skip' }).click();
    await botRow(page, 'You said: Skip').waitFor();

    // The location button opens the location sheet.
    await keyboard.getByRole('button', { name: /Send my location/ }).click();
    await page.getByRole('dialog', { name: 'Send location' }).getByRole('button', { name: 'Nakuru' }).click();
    await page.getByRole('button', { name: 'Send this location' }).click();
    await botRow(page, 'You are at -0.3031,36.08').waitFor();
    await myRow(page, '-0.30310, 36.08000').waitFor();

    // "Share my phone number" asks first, then shares a contact with the picker's number.
    await keyboard.getByRole('button', { name: /Share my phone number/ }).click();
    const ask = page.getByRole('dialog', { name: 'Share your phone number' });
    expect(await ask.getByRole('textbox').inputValue()).toBe('+254711000111');
    await ask.getByRole('button', { name: 'OK' }).click();
    await botRow(page, 'Thanks, phone +254711000111').waitFor();
    await myRow(page, '+254711000111').waitFor();
    await keyboard.waitFor({ state: 'hidden' });

    // Location from the attach menu.
    await page.getByRole('button', { name: 'Attach' }).click();
    await page.getByRole('menuitem', { name: 'Location' }).click();
    await page.getByRole('button', { name: 'Mombasa' }).click();
    await page.getByRole('button', { name: 'Send this location' }).click();
    await botRow(page, 'You are at -4.04352,39.66821').waitFor();

    // A photo from disk: converted to JPEG, registered in the double, sent as a photo update.
    await page.getByRole('button', { name: 'Attach' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Photo' }).click();
    await (await chooser).setFiles({ name: 'scene.png', mimeType: 'image/png', buffer: makePng(160, 120) });
    await page.getByLabel('Caption').fill('at the gate');
    await page.getByRole('dialog', { name: 'Send photo' }).getByRole('button', { name: 'Send' }).click();
    const echoed = botRow(page, 'Got your photo: JPEG 160x120, "at the gate"');
    await echoed.waitFor();
    await page.waitForFunction(() => {
      const loaded = (sel: string) => Array.from(document.querySelectorAll<HTMLImageElement>(sel)).some((i) => i.complete && i.naturalWidth === 160);
      return loaded('.row.me .photo-wrap img') && loaded('.row.bot .photo-wrap img');
    });

    // Any file goes as a document with its name and type.
    await page.getByRole('button', { name: 'Attach' }).click();
    const fileChooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'File' }).click();
    await (await fileChooser).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('polling station 12') });
    await botRow(page, 'Got notes.txt (text/plain, 18 bytes: polling station 12)').waitFor();
    await myRow(page, 'notes.txt').waitFor();
    const echoedFile = botRow(page, 'Got notes.txt').locator('a.file-chip');
    expect(await echoedFile.textContent()).toContain('notes.txt');
    const href = await echoedFile.getAttribute('href');
    expect(await (await fetch(`${server.url}${href}`)).text()).toBe('polling station 12');

    // Typing: Enter sends; the person's bubble comes right before the bot's answer.
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Habari yako');
    await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    await botRow(page, 'You said: Habari yako').waitFor();
    const rows = await page.locator('.row').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.from}:${e.querySelector('.text')?.firstChild?.textContent ?? ''}`));
    expect(rows.slice(-2)).toEqual(['me:Habari yako', 'bot:You said: Habari yako']);
    expect(await page.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toBe('');

    // The Menu button lists the bot's commands in the person's language.
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    const commands = page.getByRole('menu', { name: 'Bot commands' });
    expect(await commands.getByRole('menuitem').allTextContents()).toEqual(['/helpMsaada', '/startAnza']);
    await commands.getByRole('menuitem', { name: /help/ }).click();
    await botRow(page, 'Help for sw').waitFor();

    // A chat action shows in the header until the bot's next message.
    const status = page.locator('#bot-status');
    expect(await status.textContent()).toBe('bot');
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('/slow');
    await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    await page.locator('#bot-status', { hasText: 'typing…' }).waitFor();
    releaseSlow();
    await botRow(page, 'Sorry for the wait').waitFor();
    await page.locator('#bot-status', { hasText: /^bot$/ }).waitFor();

    await page.screenshot({ path: artifactPath('playground-chat-tinybot.png') });
    expect(errors).toEqual([]);
  });

  it('reopens a chat from the address and starts over when it is gone', async () => {
    const { page } = await phonePage(browser);
    const [person] = server.users();
    await page.goto(`${server.url}/#chat=${person.id}`);
    await myRow(page, '/start').waitFor();
    await page.goto(`${server.url}/#chat=999`);
    await page.getByText('That chat no longer exists').waitFor();
  });

  it('keeps a tap whose finger is down while the chat changes: a message arrives, or one above is deleted', async () => {
    const { page } = await phonePage(browser);
    await page.goto(server.url);
    await page.getByLabel('Your first name').fill('Otieno');
    await page.getByRole('button', { name: 'Start chatting' }).click();
    await page.getByRole('button', { name: 'START', exact: true }).click();
    const report = botRow(page, 'Karibu').getByRole('button', { name: 'Report', exact: true });
    await report.waitFor();
    const person = server.users().find((u) => u.info.first_name === 'Otieno');
    expect(person).toBeDefined();

    // The page redraws the chat whenever it changes; here that happens between press and release.
    const botApi = async (method: string, body: object) => {
      const res = await fetch(`${tg.apiRoot}/bot${tg.token}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: person!.id, ...body }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { result: { message_id?: number } }).result;
    };
    const tapWhile = async (button: Locator, change: () => Promise<void>) => {
      const box = await button.boundingBox();
      if (!box) throw new Error('the button has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await change();
      await page.mouse.up();
    };
    const arrives = (text: string) => async () => {
      await botApi('sendMessage', { text });
      await botRow(page, text).waitFor();
    };
    const first = await botApi('sendMessage', { text: 'A message to be deleted' });
    await botRow(page, 'A message to be deleted').waitFor();
    await tapWhile(report, arrives('A message arrives mid-tap'));
    await botRow(page, 'Report: started').waitFor();
    // The same for a reply-keyboard button.
    await tapWhile(page.locator('#reply-keyboard').getByRole('button', { name: 'Skip' }), arrives('Another one mid-tap'));
    await botRow(page, 'You said: Skip').waitFor();
    // And for a button below a message the bot deletes mid-tap, scrolled out of sight at the top:
    // the rows after it stay where they are.
    for (let i = 1; i <= 12; i++) await botApi('sendMessage', { text: `Filler ${i}` });
    await botApi('sendMessage', { text: 'Need help?', reply_markup: { inline_keyboard: [[{ text: 'Help', callback_data: 'help' }]] } });
    await botRow(page, 'Need help?').waitFor();
    const help = botRow(page, 'Need help?').getByRole('button', { name: 'Help' });
    await tapWhile(help, async () => {
      await botApi('deleteMessage', { message_id: first.message_id });
      await botRow(page, 'A message to be deleted').waitFor({ state: 'detached' });
    });
    await page.getByRole('alertdialog').getByText('Help is on the way').waitFor();
  });

  it('answers API misuse with clear JSON errors', async () => {
    const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/api/users', { firstName: '' })).status).toBe(400);
    expect((await post('/api/users/424242/text', { text: 'hi' })).status).toBe(404);
    const [person] = server.users();
    const res = await post(`/api/users/${person.id}/press`, { data: 'no-such-button' });
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toContain('no button "no-such-button"');
    expect((await post(`/api/users/${person.id}/keyboard`, { text: 'Skip' })).status).toBe(409);
    expect((await fetch(`${server.url}/api/users/${person.id}/files/not-a-file`)).status).toBe(404);
  });
});
