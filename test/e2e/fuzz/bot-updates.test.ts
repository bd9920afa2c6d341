/**
 * Fuzz (issue 7, part 6): random sequences of updates at every wizard step.
 *
 * Each run makes a new reporter (English or Swahili), walks them to a random step, then sends a
 * random sequence of updates: texts (empty, huge, unicode, RTL, emoji, zero-width, the other
 * language's button labels), unknown commands, real buttons, buttons of older messages, tampered
 * callback data (random strings up to 64 bytes) and mutated real callback data, stickers, photos
 * with huge captions, documents over 20 MB, voice notes, videos, other people's contacts, the
 * reporter's own contact, locations, edited messages. Then:
 * - no update failed (the error boundary's "update failed" log line means a bug of ours);
 * - every bot message and button the reporter saw is in their language: no text fragment that
 *   exists only in the other language's locale files (what they typed themselves is set aside);
 * - the session is still usable: /cancel, then the scripted happy path files a report.
 *
 * Bounded: FUZZ_RUNS runs (default 50) within FUZZ_BUDGET_MS (default 40 s). A failure prints fast-check's seed
 * and path; re-run the same sequence with FUZZ_SEED=<seed> FUZZ_PATH=<path>.
 */
import fc from 'fast-check';
import { loadResources, Translator, LANGUAGES, type Lang } from '../../../src/i18n';
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import type { TelegramUser } from '../../support/telegram';
import { callbackUpdate, referenceIn, shown, walkTo, type Stop } from '../bot/helpers';

jest.setTimeout(Number(process.env.FUZZ_BUDGET_MS ?? 40_000) + 50_000);

let h: BotHarness;
let t: Translator;

beforeAll(async () => {
  h = await startBotHarness('fuzz_bot');
  t = await Translator.create();
});

afterAll(async () => {
  await h?.close();
});

// ---------------------------------------------------------------------------------------------
// Language check: fragments of locale text that exist in one language only.

function values(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (x && typeof x === 'object') return Object.values(x).flatMap(values);
  return [];
}

const BOT_NAMESPACES = ['bot', 'common', 'limits'];
const resources = loadResources();
const corpus = Object.fromEntries(LANGUAGES.map((l) => [l, BOT_NAMESPACES.flatMap((ns) => values(resources[l][ns]))])) as Record<Lang, string[]>;

/** Pieces of a template between placeholders, tags and line breaks. */
function fragments(template: string): string[] {
  return template
    .split(/\{\{[^}]*\}\}|<[^>]+>|\n+|•/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function foreignOnly(lang: Lang): { fragments: string[]; whole: Set<string> } {
  const other: Lang = lang === 'en' ? 'sw' : 'en';
  const own = corpus[lang].join('\u0000');
  const ownValues = new Set(corpus[lang].map((v) => v.trim()));
  const frags = new Set<string>();
  for (const v of corpus[other]) for (const f of fragments(v)) if (f.length >= 12 && !own.includes(f)) frags.add(f);
  const whole = new Set(corpus[other].map((v) => v.trim()).filter((v) => !v.includes('{{') && !ownValues.has(v)));
  return { fragments: [...frags], whole };
}

const FOREIGN: Record<Lang, ReturnType<typeof foreignOnly>> = { en: foreignOnly('en'), sw: foreignOnly('sw') };

/** Texts and button labels the reporter was shown that belong to the other language only. */
function wrongLanguage(u: TelegramUser, lang: Lang, from: number, typed: string[]): string[] {
  const { fragments: frags, whole } = FOREIGN[lang];
  const problems: string[] = [];
  const ownEcho = [...typed].sort((a, b) => b.length - a.length).filter((s) => s.trim().length > 0);
  for (const m of u.messages().slice(from)) {
    if (isBilingualChoice(m)) continue;
    let text = shown(m);
    // What the reporter typed may be echoed back (the review screen): it is theirs, not ours.
    for (const s of ownEcho) text = text.split(s.trim()).join(' ').split(s.trim().slice(0, 700)).join(' ');
    for (const f of frags) if (text.includes(f)) problems.push(`message ${JSON.stringify(text.slice(0, 120))} contains ${JSON.stringify(f)}`);
    for (const line of text.split('\n')) if (whole.has(line.trim())) problems.push(`line ${JSON.stringify(line)}`);
    const labels = m.raw.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
    for (const l of labels) if (whole.has(l) || frags.some((f) => l.includes(f))) problems.push(`button ${JSON.stringify(l)}`);
  }
  for (const l of u.replyKeyboard()) if (whole.has(l)) problems.push(`keyboard button ${JSON.stringify(l)}`);
  // The short notes shown when a button is tapped ("That button is from an older message").
  for (const a of u.callbackAnswers()) if (whole.has(a) || frags.some((f) => a.includes(f))) problems.push(`button answer ${JSON.stringify(a)}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Actions

type Mutation = 'flip' | 'truncate' | 'append' | 'draft' | 'step' | 'value';

type Action =
  | { k: 'text'; text: string }
  | { k: 'command'; text: string }
  | { k: 'button'; pick: number }
  | { k: 'oldButton'; pick: number }
  | { k: 'replyKeyboard'; pick: number }
  | { k: 'tampered'; data: string }
  | { k: 'mutated'; pick: number; mutation: Mutation; pos: number; ch: string }
  | { k: 'sticker' }
  | { k: 'photo'; caption?: string; sizeBytes: number }
  | { k: 'document'; sizeBytes: number; fileName: string; mimeType: string; caption?: string }
  | { k: 'voice'; durationSec: number; sizeBytes?: number }
  | { k: 'video'; durationSec: number; sizeBytes?: number }
  | { k: 'contactOther'; phone: string }
  | { k: 'contactOwn' }
  | { k: 'location'; lat: number; lon: number }
  | { k: 'edited'; text: string };

/** The other language's labels and answers, and other things people really type. */
const otherLanguageInputs = ['Ndio', 'Hapana', 'Leo', 'Jana', 'Ruka', 'Yes', 'No', 'Today', 'Skip', '🕶 Tuma bila kutaja jina langu', '🕶 Send anonymously', 'ghairi', 'sasa hivi', 'juzi', 'ndiyo', '⬅️ Back', 'Katisha', 'Nairobi', 'nairobi city', 'Mombasa', '12/12/2012', '31/02/2025', '0', '-1', 'R-7K3F-9QX2'];
const oddTexts = [
  '',
  ' ',
  '\n\n\t',
  'x'.repeat(4096),
  '😀'.repeat(2000),
  'مرحبا، الشرطة أخذت رشوة ‏عند الحاجز',
  'שלום \u202Eevil\u202C',
  '\u200B\u200C\u200D\uFEFF',
  'A\u0301\u0327\u0308 Z̴̡̧̛͓͎̰',
  '<b>bold</b> & <script>alert(1)</script>',
  '{{reference}} {{count}} $t(bot:error.generic)',
  '%s %d %n',
  'null',
  'undefined',
  '👮🏾‍♀️🚓🔥',
];

const textArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'grapheme', minLength: 3001, maxLength: 4096 }),
  fc.constantFrom(...oddTexts),
  fc.constantFrom(...otherLanguageInputs),
);

/** Random callback_data: 1 to 64 bytes, as Telegram allows. */
const dataArb = fc
  .oneof(fc.string({ minLength: 1, maxLength: 64 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 32 }), fc.constantFrom('w:', 'w:::', 'w:x:review:ok', 'm:', 'rp:99', 'rp:-1', 'rp:0', 'm:report', 'm:status', 'm:nothing'))
  .filter((d) => Buffer.byteLength(d) <= 64);

const COMMANDS = ['/start', '/help', '/privacy', '/status', '/status R-0000-0000', '/status hello world', '/report', '/cancel', '/START', '/start@RipotiBot', '/unknown', '/x', '/admin', '/' + 'a'.repeat(40)];

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: textArb.map((text) => ({ k: 'text' as const, text })) },
  { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...COMMANDS), fc.stringMatching(/^\/[a-z_]{1,12}$/)).filter((c) => c !== '/language').map((text) => ({ k: 'command' as const, text })) },
  { weight: 5, arbitrary: fc.nat().map((pick) => ({ k: 'button' as const, pick })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ k: 'oldButton' as const, pick })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ k: 'replyKeyboard' as const, pick })) },
  { weight: 2, arbitrary: dataArb.map((data) => ({ k: 'tampered' as const, data })) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('mutated' as const),
      pick: fc.nat(),
      mutation: fc.constantFrom<Mutation>('flip', 'truncate', 'append', 'draft', 'step', 'value'),
      pos: fc.nat(),
      ch: fc.string({ minLength: 1, maxLength: 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'sticker' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('photo' as const), caption: fc.option(fc.oneof(textArb, fc.constant('c'.repeat(4000))), { nil: undefined }), sizeBytes: fc.integer({ min: 100, max: 30_000_000 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('document' as const),
      sizeBytes: fc.oneof(fc.integer({ min: 20 * 1024 * 1024 + 1, max: 2_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 })),
      fileName: fc.oneof(fc.constantFrom('evidence.pdf', 'video.mkv', '../../etc/passwd', 'ripoti.exe', '📄.txt'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 })),
      mimeType: fc.constantFrom('application/pdf', 'video/x-matroska', 'application/octet-stream', 'text/html', 'image/svg+xml'),
      caption: fc.option(textArb, { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('voice' as const), durationSec: fc.integer({ min: 0, max: 10_000 }), sizeBytes: fc.option(fc.integer({ min: 1, max: 60_000_000 }), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('video' as const), durationSec: fc.integer({ min: 0, max: 3600 }), sizeBytes: fc.option(fc.integer({ min: 1, max: 60_000_000 }), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('contactOther' as const), phone: fc.constantFrom('+254700000001', '0712345678', '', '+1 (555) 010-9999', '☎️') }) },
  { weight: 1, arbitrary: fc.constant({ k: 'contactOwn' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('location' as const), lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }) },
  { weight: 1, arbitrary: textArb.map((text) => ({ k: 'edited' as const, text })) },
);

const STOPS: (Stop | 'none' | 'contact')[] = ['none', 'kind', 'cat', 'danger', 'desc', 'county', 'place', 'when', 'review', 'ev', 'contact'];

/** Language choice is out of scope here (it legitimately changes the language mid-sequence), on the first message too. */
const isLanguageData = (d: string) => d.startsWith('l:') || d.startsWith('s:') || d === 'm:lang';

/** The first message offers both languages on purpose (its buttons carry `s:<lang>:…`). */
const isBilingualChoice = (m: ReturnType<TelegramUser['messages']>[number]) => (m.raw.reply_markup?.inline_keyboard.flat() ?? []).some((b) => b.callback_data?.startsWith('s:'));

function inlineButtons(u: TelegramUser, newestOnly: boolean): { text: string; data: string }[] {
  const withButtons = u.messages().filter((m) => m.raw.reply_markup);
  const source = newestOnly ? withButtons.slice(-1) : withButtons;
  return source
    .flatMap((m) => m.raw.reply_markup?.inline_keyboard.flat() ?? [])
    .filter((b): b is typeof b & { callback_data: string } => typeof b.callback_data === 'string' && !isLanguageData(b.callback_data))
    .map((b) => ({ text: b.text, data: b.callback_data }));
}

function mutate(data: string, m: Extract<Action, { k: 'mutated' }>): string {
  const parts = data.split(':');
  let out: string;
  switch (m.mutation) {
    case 'flip': {
      const i = m.pos % data.length;
      out = data.slice(0, i) + m.ch + data.slice(i + 1);
      break;
    }
    case 'truncate':
      out = data.slice(0, m.pos % data.length) || data[0];
      break;
    case 'append':
      out = data + m.ch.repeat(1 + (m.pos % 8));
      break;
    case 'draft':
      out = parts.length === 4 ? [parts[0], 'A'.repeat(1 + (m.pos % 20)), parts[2], parts[3]].join(':') : `${data}:x`;
      break;
    case 'step':
      out = parts.length === 4 ? [parts[0], parts[1], ['kind', 'cat', 'danger', 'desc', 'county', 'review', 'zzz'][m.pos % 7], parts[3]].join(':') : `w:${data}`;
      break;
    case 'value':
      out = parts.length >= 2 ? [...parts.slice(0, -1), ['ok', 'x', 'back', 'e_kind', 'e_zzz', '48', '0', 'p9', 'done', 'y', 'sa', 'sc', 'xc', 'xn', 'edit', m.ch][m.pos % 16]].join(':') : `${data}:ok`;
      break;
  }
  while (Buffer.byteLength(out) > 64) out = out.slice(0, -1);
  if (!out || isLanguageData(out)) out = 'zz';
  return out;
}

let nextRawMessageId = 5_000_000;

async function perform(u: TelegramUser, a: Action, typed: string[]): Promise<void> {
  switch (a.k) {
    case 'text':
    case 'command':
      typed.push(a.text);
      await u.sendText(a.text);
      return;
    case 'button':
    case 'oldButton': {
      const buttons = inlineButtons(u, a.k === 'button');
      if (!buttons.length) return;
      const b = buttons[a.pick % buttons.length];
      await pressData(u, b.data);
      return;
    }
    case 'replyKeyboard': {
      const labels = u.replyKeyboard();
      if (!labels.length) return;
      const label = labels[a.pick % labels.length];
      if (label === t.t('en', 'bot:place.share_location') || label === t.t('sw', 'bot:place.share_location')) await u.shareLocation(-1.2921, 36.8219);
      else await u.press(label);
      return;
    }
    case 'tampered':
      await pressData(u, a.data);
      return;
    case 'mutated': {
      const buttons = inlineButtons(u, false);
      const base = buttons.length ? buttons[a.pick % buttons.length].data : 'w:abc:kind:police';
      await pressData(u, mutate(base, a));
      return;
    }
    case 'sticker':
      await u.sendSticker();
      return;
    case 'photo':
      if (a.caption) typed.push(a.caption);
      await u.sendPhoto({ caption: a.caption, sizeBytes: a.sizeBytes });
      return;
    case 'document':
      if (a.caption) typed.push(a.caption);
      await u.sendDocument({ sizeBytes: a.sizeBytes, fileName: a.fileName, mimeType: a.mimeType, caption: a.caption });
      return;
    case 'voice':
      await u.sendVoice({ durationSec: a.durationSec, sizeBytes: a.sizeBytes });
      return;
    case 'video':
      await u.sendVideo({ durationSec: a.durationSec, sizeBytes: a.sizeBytes });
      return;
    case 'contactOther':
      await u.sendRaw({
        message: {
          message_id: nextRawMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: u.chatId, type: 'private', first_name: u.info.first_name },
          from: u.info,
          contact: { phone_number: a.phone, first_name: 'Someone Else', user_id: u.id + 1 },
        },
      } as Parameters<TelegramUser['sendRaw']>[0]);
      return;
    case 'contactOwn':
      await u.shareContact();
      return;
    case 'location':
      await u.shareLocation(a.lat, a.lon);
      return;
    case 'edited':
      typed.push(a.text);
      await u.sendRaw({
        edited_message: {
          message_id: nextRawMessageId++,
          date: Math.floor(Date.now() / 1000) - 60,
          edit_date: Math.floor(Date.now() / 1000),
          chat: { id: u.chatId, type: 'private', first_name: u.info.first_name },
          from: u.info,
          text: a.text,
        },
      } as Parameters<TelegramUser['sendRaw']>[0]);
      return;
  }
}

/** A callback query with this data on the newest bot message (as a real or modified client sends it). */
async function pressData(u: TelegramUser, data: string): Promise<void> {
  const { callback_query } = callbackUpdate(h.tg, u, data, 0);
  await u.sendRaw({ callback_query } as Parameters<TelegramUser['sendRaw']>[0]);
}

async function walk(u: TelegramUser, lang: Lang, stop: (typeof STOPS)[number]): Promise<void> {
  if (stop === 'none') {
    await u.sendText('/start');
    return;
  }
  if (stop === 'contact') {
    await walkTo(u, 'review', lang);
    await u.press(t.t(lang, 'bot:review.send_contact'));
    return;
  }
  await walkTo(u, stop, lang);
}

const failureLines = () => h.logs.filter((l) => l.includes('"update failed"'));

let runNo = 0;

it('random updates at every step: no failed update, always the reporter’s language, and the session stays usable', async () => {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom<Lang>('en', 'sw'), fc.constantFrom(...STOPS), fc.array(actionArb, { minLength: 1, maxLength: 8 }), async (lang, stop, actions) => {
      const u = h.tg.user({ firstName: `Fuzz${++runNo}`, languageCode: lang === 'sw' ? (runNo % 2 ? 'sw' : 'sw-KE') : runNo % 3 ? 'en' : 'fr' });
      const failedBefore = failureLines().length;
      if (process.env.FUZZ_DEBUG) console.log(lang, stop, actions.map((a) => a.k).join(','));
      const typed: string[] = [];
      await walk(u, lang, stop);
      for (const a of actions) await perform(u, a, typed);

      // No update failed: the error boundary only ever answers for our own bugs here.
      const failures = failureLines().slice(failedBefore);
      if (failures.length) throw new Error(`updates failed at step ${stop}: ${failures.map((l) => l.slice(0, 600)).join('\n')}`);

      // Every message and button so far was in the reporter's language.
      const wrong = wrongLanguage(u, lang, 0, typed);
      if (wrong.length) throw new Error(`wrong language for a ${lang} reporter: ${wrong.slice(0, 5).join('; ')}`);

      // Still usable: /cancel, then the whole happy path files a report.
      await u.sendText('/cancel');
      await walkTo(u, 'review', lang);
      await u.press(t.t(lang, 'bot:review.send_anonymous'));
      const reference = referenceIn(shown(u.lastMessage()));
      expect(await h.store.reports.findByReference(reference)).toMatchObject({ language: lang });
      expect(failureLines().length).toBe(failedBefore);
    }),
    {
      seed,
      path: process.env.FUZZ_PATH,
      numRuns: Number(process.env.FUZZ_RUNS ?? 50),
      interruptAfterTimeLimit: Number(process.env.FUZZ_BUDGET_MS ?? 40_000),
      endOnFailure: process.env.FUZZ_SHRINK !== '1',
    },
  );
});

it('the language check itself notices English shown to a Swahili reporter (and the reverse)', async () => {
  expect(FOREIGN.sw.fragments.length).toBeGreaterThan(50);
  expect(FOREIGN.en.fragments.length).toBeGreaterThan(50);
  const en = h.tg.user({ firstName: 'CheckEn', languageCode: 'en' });
  await walkTo(en, 'review', 'en');
  expect(wrongLanguage(en, 'en', 0, [])).toEqual([]);
  expect(wrongLanguage(en, 'sw', 0, []).length).toBeGreaterThan(5);
  const sw = h.tg.user({ firstName: 'CheckSw', languageCode: 'sw' });
  await walkTo(sw, 'review', 'sw');
  expect(wrongLanguage(sw, 'sw', 0, [])).toEqual([]);
  expect(wrongLanguage(sw, 'en', 0, []).length).toBeGreaterThan(5);
});
