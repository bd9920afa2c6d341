/**
 * The "surge" scenario (issue 21): many reporters start within a short period against the Bot API
 * double in real-limits mode (30 messages/s overall, 1/s per chat after a burst of 3, 429 with
 * retry_after beyond), 1 in 10 with someone in danger. The bot and worker roles run in a child
 * process built by createApp with the shared outgoing budget at TELEGRAM_SEND_RATE_PER_SECOND.
 *
 * `npm run bench -- --surge-only [--surge N] [--surge-window S] [--surge-rate R]`
 * (default 2,000 reporters within 60 s at 28 messages/s; `--quick`: 300 within 9 s).
 *
 * Reports: reports completed per minute against the ceiling (rate x 60 / bot messages per report),
 * time from a reporter's message to the bot's first answer in that chat (p50, p99) for people in
 * danger (from their danger answer on) and for everyone else, 429s received, updates lost (an
 * update answered 200 that no bot message followed before the reporter's next one), and duplicate
 * messages (the same message twice in a row in one chat).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { TelegramDouble } from '../test/support/telegram';
import type { ChatState } from '../test/support/telegram/state';
import type { RecordedCall } from '../test/support/telegram/types';
import { ROOT, spawnChild, type ChildHandle } from './lib/child';
import { migrateIndexes, startBotSut } from './lib/bot-sut';
import { DoubleDriver } from './lib/double';
import { botJourney, inDanger, REFERENCE_RE } from './lib/journeys';
import { runReporters, WebhookClient, type ReporterOutcome } from './lib/load';
import { summarize } from './lib/stats';
import { machine } from './lib/sysinfo';

const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] surge: ${msg}`);
const round = (v: number, digits = 1) => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : null);

/** Calls Telegram counts against its limits (as the double does, test/support/telegram/limits.ts). */
const COUNTED = new Set(['sendmessage', 'sendphoto', 'senddocument', 'sendvideo', 'sendvoice', 'sendaudio', 'sendmediagroup', 'sendlocation', 'sendcontact', 'copymessage', 'forwardmessage', 'editmessagetext', 'editmessagecaption', 'editmessagemedia', 'editmessagereplymarkup']);
const NOTICE = /Your answers are saved|Majibu yako yamehifadhiwa/;

interface SurgeOptions {
  reporters: number;
  windowS: number;
  rate: number;
  connections: number;
}

function parse(argv: string[]): SurgeOptions {
  const num = (flag: string, dflt: number) => {
    const i = argv.indexOf(flag);
    if (i < 0) return dflt;
    const v = Number(argv[i + 1]);
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${flag} expects a positive number`);
    return v;
  };
  const quick = argv.includes('--quick');
  const reporters = num('--surge', quick ? 300 : 2000);
  // The surge: 2,000 within one minute; smaller runs keep its arrival rate.
  return { reporters, windowS: num('--surge-window', Math.max(1, Math.round((reporters / 2000) * 60))), rate: num('--surge-rate', 28), connections: num('--surge-connections', 100) };
}

export interface SurgeFigures {
  reporters: number;
  completed: number;
  wallS: number | null;
  reportsPerMinute: number | null;
  botMessagesPerReport: number | null;
  /** The same by Bot API method (sendMessage, editMessageText, …): an edit counts against the limits like a send. */
  botMessagesPerReportByMethod: Record<string, number | null>;
  ceilingPerMinute: number | null;
  shareOfCeilingPct: number | null;
  sendsPerSec: number | null;
  /** The same over the middle 80% of the sending span: the budget's steady rate, without ramp-up and tail. */
  sendsPerSecMiddle: number | null;
  answerMs: { danger: { count: number; p50: number | null; p99: number | null; max: number | null }; others: { count: number; p50: number | null; p99: number | null; max: number | null } };
  tooManyRequests: number;
  /** Of those, refused while the chat had a message in the previous second (the per-chat limit), else the overall one. */
  tooManyRequestsPerChat: number;
  updatesLost: number;
  duplicateMessages: number;
  waitNotices: number;
  /**
   * Where an update's time went: `inBot` from the POST being written to its answer (the bot
   * answers once its messages are sent: the budget's wait is here), `total` adding the wait for
   * one of the webhook's connections (Telegram's own queue of updates not yet delivered).
   */
  webhookMs?: { inBot: { p50: number | null; p99: number | null }; total: { p50: number | null; p99: number | null } };
  firstErrors: string[];
}

/** Our chats' counted Bot API calls that succeeded: by chat in time order, how many, by method, the first and the last. */
interface SurgeSends {
  sends: Map<number, RecordedCall[]>;
  allSends: number;
  byMethod: Map<string, number>;
  first: number;
  last: number;
}

function surgeSends(recorded: readonly RecordedCall[], chats: readonly ChatState[]): SurgeSends {
  const ours = new Set(chats.map((c) => c.chat.id));
  const sends = new Map<number, RecordedCall[]>();
  let allSends = 0;
  const byMethod = new Map<string, number>();
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const c of recorded) {
    const chatId = Number(c.params.chat_id);
    if (!c.ok || !COUNTED.has(c.method.toLowerCase()) || !ours.has(chatId)) continue;
    const list = sends.get(chatId) ?? [];
    list.push(c);
    sends.set(chatId, list);
    allSends++;
    byMethod.set(c.method, (byMethod.get(c.method) ?? 0) + 1);
    first = Math.min(first, c.at);
    last = Math.max(last, c.at);
  }
  for (const list of sends.values()) list.sort((a, b) => a.at - b.at);
  return { sends, allSends, byMethod, first, last };
}

/** What the reporters met in their chats: answer times (in danger, others), updates lost, duplicates, wait notices, the last "received". */
interface SurgeAnswers {
  danger: number[];
  others: number[];
  lost: number;
  duplicates: number;
  notices: number;
  lastReceived: number;
}

function surgeAnswers(sends: ReadonlyMap<number, RecordedCall[]>, chats: readonly ChatState[], outcomes: readonly ReporterOutcome[]): SurgeAnswers {
  const a: SurgeAnswers = { danger: [], others: [], lost: 0, duplicates: 0, notices: 0, lastReceived: 0 };
  for (const o of outcomes) {
    const chat = chats[o.reporter];
    const list = sends.get(chat.chat.id) ?? [];
    const steps = [...o.startedAt.entries()].sort((x, y) => x[1] - y[1]);
    const dangerFrom = inDanger(o.reporter) ? (o.startedAt.get('danger') ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
    steps.forEach(([, at], k) => {
      const until = k + 1 < steps.length ? steps[k + 1][1] : Number.POSITIVE_INFINITY;
      // The first answer that is not the one-time wait notice.
      const answer = list.find((c) => c.at >= at && c.at < until && !NOTICE.test(String(c.params.text ?? '')));
      if (!answer) {
        a.lost++;
        return;
      }
      (at >= dangerFrom ? a.danger : a.others).push(answer.at - at);
    });
    if (o.completed) {
      const received = list.find((c) => REFERENCE_RE.test(String(c.params.text ?? '')));
      if (received) a.lastReceived = Math.max(a.lastReceived, received.at);
    }
    for (let i = 0; i < list.length; i++) {
      if (NOTICE.test(String(list[i].params.text ?? ''))) a.notices++;
      if (i > 0 && same(list[i], list[i - 1])) a.duplicates++;
    }
  }
  return a;
}

/** The figures from what the double recorded and when each reporter sent each update. */
export function analyseSurge(recorded: readonly RecordedCall[], chats: readonly ChatState[], outcomes: readonly ReporterOutcome[], rate: number, wallMs: number): SurgeFigures {
  const { sends, allSends, byMethod, first, last } = surgeSends(recorded, chats);
  const { danger, others, lost, duplicates, notices, lastReceived } = surgeAnswers(sends, chats, outcomes);
  const completed = outcomes.filter((o) => o.completed).length;
  const starts = outcomes.flatMap((o) => [...o.startedAt.values()]);
  const begin = starts.length ? Math.min(...starts) : 0;
  const spanMs = lastReceived > begin ? lastReceived - begin : wallMs;
  const perReport = completed ? allSends / completed : Number.NaN;
  const perMinute = completed / (spanMs / 60_000);
  const ceiling = (rate * 60) / perReport;
  const fig = (s: number[]) => {
    const m = summarize(s);
    return { count: m.count, p50: round(m.p50, 0), p99: round(m.p99, 0), max: round(m.max, 0) };
  };
  return {
    reporters: outcomes.length,
    completed,
    wallS: round(spanMs / 1000, 1),
    reportsPerMinute: round(perMinute, 1),
    botMessagesPerReport: round(perReport, 2),
    botMessagesPerReportByMethod: Object.fromEntries([...byMethod].map(([m, n]) => [m, completed ? round(n / completed, 2) : null])),
    ceilingPerMinute: round(ceiling, 1),
    shareOfCeilingPct: round((perMinute / ceiling) * 100, 1),
    sendsPerSec: round(allSends / ((last - first) / 1000), 2),
    sendsPerSecMiddle: middleRate([...sends.values()].flat().map((c) => c.at), first, last),
    answerMs: { danger: fig(danger), others: fig(others) },
    tooManyRequests: recorded.filter((c) => c.errorCode === 429).length,
    tooManyRequestsPerChat: recorded.filter((c) => c.errorCode === 429 && (sends.get(Number(c.params.chat_id)) ?? []).some((s) => s.at <= c.at && s.at > c.at - 1000)).length,
    updatesLost: lost,
    duplicateMessages: duplicates,
    waitNotices: notices,
    firstErrors: [],
  };
}

/** Sends per second between 10% and 90% of the span from the first send to the last. */
function middleRate(times: number[], first: number, last: number): number | null {
  const from = first + (last - first) * 0.1;
  const to = last - (last - first) * 0.1;
  if (!(to > from)) return null;
  return round(times.filter((t) => t >= from && t < to).length / ((to - from) / 1000), 2);
}

function same(a: RecordedCall, b: RecordedCall): boolean {
  return a.method === b.method && a.params.text === b.params.text && JSON.stringify(a.params.reply_markup) === JSON.stringify(b.params.reply_markup);
}

/** The surge's processes, as far as they got started (stopped in runSurgeBench's `finally`). */
interface SurgeProcesses {
  mongo?: ChildHandle;
  sut?: ChildHandle;
}

/** MongoDB (MONGODB_URI, else the project's test server), its indexes, and the bot with the shared outgoing budget at `o.rate`. */
async function startSurgeBot(o: SurgeOptions, logDir: string, parts: { tg: TelegramDouble; secret: string; redisUrl: string; prefix: string }, procs: SurgeProcesses): Promise<ChildHandle> {
  let mongoUri = process.env.MONGODB_URI;
  if (!mongoUri) {
    procs.mongo = await spawnChild({ name: 'mongo test server', script: 'bench/mongo-server.ts', env: {}, logFile: join(logDir, 'mongo-surge.log') });
    mongoUri = procs.mongo.url;
  }
  const u = new URL(mongoUri);
  u.pathname = `/ripoti_surge_${randomBytes(4).toString('hex')}`;
  // Production checks its indexes at start; `migrate` builds them, as an operator would.
  await migrateIndexes(u.toString());
  procs.sut = await startBotSut({
    telegram: parts.tg,
    secret: parts.secret,
    connections: o.connections,
    mongoUri: u.toString(),
    redisUrl: parts.redisUrl,
    prefix: parts.prefix,
    dataKey: `k1:${randomBytes(32).toString('base64')}`,
    sendRate: o.rate,
    logFile: join(logDir, 'bot-surge.log'),
  });
  return procs.sut;
}

/** "Received" may follow the last update's acknowledgement (and "thank you" for the number): wait for it. */
async function receivedCheck(d: DoubleDriver, chat: ChatState): Promise<string | null> {
  if (!REFERENCE_RE.test(d.lastBotText(chat))) await d.state.waitForMessage(chat, (m) => REFERENCE_RE.test(m.text ?? ''), 'the reference', 600_000).catch(() => undefined);
  return REFERENCE_RE.test(d.lastBotText(chat)) ? null : `no reference: ${JSON.stringify(d.lastBotText(chat).slice(0, 80))}`;
}

/**
 * The bot acknowledges an update whose answer waits long before sending it: each reporter
 * answers once the bot's answer is in the chat (the wait notice aside), as a person would.
 */
function answeredIn(driver: DoubleDriver): (chat: ChatState, since: number) => Promise<void> {
  return (chat, since) => {
    const rec = driver.state.recorded;
    for (let k = rec.length - 1; k >= 0 && rec[k].at >= since; k--) {
      const c = rec[k];
      if (c.ok && Number(c.params.chat_id) === chat.chat.id && COUNTED.has(c.method.toLowerCase()) && !NOTICE.test(String(c.params.text ?? ''))) return Promise.resolve();
    }
    // Not yet: the next message sent or edited in this chat (registered in this same tick, so none is missed).
    return driver.state.waitForMessage(chat, (m) => !NOTICE.test(m.text ?? ''), 'the answer', 600_000).then(() => undefined);
  };
}

/** Deletes the surge's Redis keys. */
async function deleteSurgeKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

export async function runSurgeBench(argv: string[]): Promise<SurgeFigures> {
  const o = parse(argv);
  const logDir = join(ROOT, 'bench', 'logs');
  mkdirSync(logDir, { recursive: true });
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `bench-surge-${randomBytes(5).toString('hex')}`;
  const tg = await TelegramDouble.start({ limits: true });
  const driver = new DoubleDriver(tg, 7_000_000);
  const secret = randomBytes(24).toString('base64url');
  const procs: SurgeProcesses = {};
  try {
    const sut = await startSurgeBot(o, logDir, { tg, secret, redisUrl, prefix }, procs);
    // The webhook answers once the update is handled (its answers sent), as Telegram's delivery sees it.
    const client = new WebhookClient(sut.url, secret, o.connections, 120_000, driver.runReply);
    const chats = Array.from({ length: o.reporters }, (_, i) => driver.addReporter(7_000_000 + i, i % 3 === 0 ? 'sw' : 'en'));
    log(`${o.reporters} reporters within ${o.windowS} s, budget ${o.rate}/s, double in real-limits mode, ${o.connections} webhook connections`);
    const result = await runReporters(client, driver, chats, botJourney(), { deadlineMs: 1_800_000, check: receivedCheck, startSpreadMs: o.windowS * 1000, answered: answeredIn(driver) });
    client.close();
    const f = analyseSurge(driver.state.recorded, chats, result.outcomes, o.rate, result.wallMs);
    f.firstErrors = result.firstErrors;
    const inBot = summarize(result.service);
    const total = summarize(result.total);
    f.webhookMs = { inBot: { p50: round(inBot.p50, 0), p99: round(inBot.p99, 0) }, total: { p50: round(total.p50, 0), p99: round(total.p99, 0) } };
    log(JSON.stringify(f));
    const out = { date: new Date().toISOString(), machine: machine(), options: o, figures: f };
    writeFileSync(join(ROOT, 'bench', 'results-surge.json'), `${JSON.stringify(out, null, 2)}\n`);
    log('wrote bench/results-surge.json');
    return f;
  } finally {
    await procs.sut?.stop();
    await procs.mongo?.stop();
    await tg.stop();
    await deleteSurgeKeys(redisUrl, prefix);
  }
}
