/**
 * The load generator: simulated reporters, each a closed loop (send the next update as soon as
 * the previous POST was answered, no think time), POSTing Telegram updates to a webhook with the
 * secret header, through a pool of at most `connections` keep-alive connections, as Telegram
 * itself delivers (webhook `max_connections`, 40 by default). Two times are kept per update:
 * `service` from writing the POST to its answer (what Telegram's delivery sees: the bot answers
 * only after handling the update) and `total`, which adds the wait for a free connection.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ChatState } from '../../test/support/telegram/state';
import type { DoubleDriver } from './double';

export class Semaphore {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

export interface PostResult {
  status: number;
  /** Why there was no answer (status 0): the socket error's code or message. */
  error?: string;
  serviceMs: number;
  totalMs: number;
}

interface Target {
  host: string;
  port: number;
  path: string;
  agent: http.Agent;
}

/**
 * POSTs updates to one webhook, or spreads them over several (one bot process each) in turn, as a
 * load balancer in front of the scale-out setup would: each POST goes to the next process,
 * whichever reporter it is from. `connections` bounds the POSTs in flight over all of them
 * (Telegram's max_connections is per bot, not per process).
 */
export class WebhookClient {
  private readonly targets: Target[];
  private readonly sem: Semaphore;
  private next = 0;

  constructor(
    url: string | readonly string[],
    private readonly secret: string,
    readonly connections: number,
    private readonly timeoutMs = 30_000,
    /** Runs a Bot API call the bot handed back in its answer (`{"method": ...}`), as Telegram would. */
    private readonly onReply?: (body: Buffer, contentType: string | undefined) => Promise<void>,
  ) {
    const urls = typeof url === 'string' ? [url] : url;
    if (urls.length === 0) throw new Error('WebhookClient needs at least one URL');
    this.targets = urls.map((one) => {
      const u = new URL(one);
      if (u.hostname !== '127.0.0.1') throw new Error(`benchmark traffic goes to 127.0.0.1 only, not ${u.hostname}`);
      return { host: u.hostname, port: Number(u.port), path: u.pathname, agent: new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections }) };
    });
    this.sem = new Semaphore(connections);
  }

  /** When each kept-alive connection last finished a request (for the reset diagnosis in `post`). */
  private readonly lastUsed = new WeakMap<object, number>();

  async post(body: string): Promise<PostResult> {
    const queued = performance.now();
    await this.sem.acquire();
    const target = this.targets[this.next++ % this.targets.length];
    const start = performance.now();
    try {
      const answer = await new Promise<{ status: number; body?: Buffer; contentType?: string; error?: string }>((resolve) => {
        const req = http.request(
          {
            host: target.host,
            port: target.port,
            path: target.path,
            method: 'POST',
            agent: target.agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': this.secret },
            timeout: this.timeoutMs,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), contentType: res.headers['content-type'] }));
            res.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, error: err.code ?? err.message }));
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        // A reset on a kept-alive connection is told apart, with how long it had been idle: the
        // server closing an idle connection while the next request is on its way is the usual cause.
        let idleMs: number | undefined;
        req.on('socket', (socket) => {
          const last = this.lastUsed.get(socket);
          idleMs = last === undefined ? undefined : performance.now() - last;
          socket.once('free', () => this.lastUsed.set(socket, performance.now()));
        });
        req.on('error', (err: NodeJS.ErrnoException) => {
          const code = err.code ?? err.message;
          resolve({ status: 0, error: req.reusedSocket && idleMs !== undefined ? `${code} on a connection reused after ${Math.round(idleMs)} ms idle` : code });
        });
        req.end(body);
      });
      const end = performance.now();
      const { status } = answer;
      // Telegram runs a call from the answer after the POST was answered: outside the timing.
      if (status === 200 && this.onReply && answer.body?.includes('"method"')) await this.onReply(answer.body, answer.contentType).catch(() => undefined);
      return { status, ...(answer.error ? { error: answer.error } : {}), serviceMs: end - start, totalMs: end - queued };
    } finally {
      this.sem.release();
    }
  }

  close(): void {
    for (const t of this.targets) t.agent.destroy();
  }
}

/** One step of a journey: the update to send now, '' to skip it, or null when the expected button is missing. */
export type Step = { name: string; build: (d: DoubleDriver, chat: ChatState, i: number) => string | null };

export interface ReporterOutcome {
  /** Index of the reporter (chat) in the scenario. */
  reporter: number;
  completed: boolean;
  error?: string;
  /** Epoch ms (Date.now(), the clock the double and Redis stamp with) when each step's POST was started, by step name. */
  startedAt: Map<string, number>;
}

export interface ScenarioResult {
  reporters: number;
  connections: number;
  updates: number;
  failedPosts: number;
  journeysCompleted: number;
  journeysFailed: number;
  firstErrors: string[];
  wallMs: number;
  service: number[];
  total: number[];
  /** `service` by step name: which updates make the tail. */
  byStep: Map<string, number[]>;
  /** One per journey. */
  outcomes: ReporterOutcome[];
}

export interface RunOptions {
  /** Reporters still going stop here (the scenario is bounded in time as well as in count). */
  deadlineMs: number;
  /** Journeys each reporter makes, one after the other (default 1). */
  journeys?: number;
  /**
   * Open loop: each reporter sends one update every `paceMs` (reporters evenly staggered), so the
   * offered rate is reporters / paceMs regardless of how fast the bot answers. `total` is then
   * measured from the scheduled time (no coordinated omission). Without it, closed loop.
   */
  paceMs?: number;
  /** Checks the end of a journey; an error message fails it. */
  check?: (d: DoubleDriver, chat: ChatState, outcome: ReporterOutcome) => string | null | Promise<string | null>;
  /** Closed loop only: reporter i starts (i / reporters) x this many ms late (a surge arriving over a period). */
  startSpreadMs?: number;
  /**
   * Closed loop only: resolves once the bot answered in this chat at or after `since` (epoch ms).
   * A bot that acknowledges an update before its answer is sent is then waited for as a person
   * would wait: reading the question before answering it. Without it, the POST's answer is the cue.
   */
  answered?: (chat: ChatState, since: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the reporters of one runReporters call add up to, as they go. */
interface Tally {
  service: number[];
  total: number[];
  byStep: Map<string, number[]>;
  failedPosts: number;
  /** The first five errors, for the log. */
  firstErrors: string[];
  outcomes: ReporterOutcome[];
}

/** One runReporters call: its reporters' shared arguments, deadline and tally. */
interface Drive {
  client: WebhookClient;
  driver: DoubleDriver;
  chats: ChatState[];
  steps: readonly Step[];
  opts: RunOptions;
  /** Journeys each reporter makes (`opts.journeys`, default 1). */
  journeys: number;
  begin: number;
  deadline: number;
  tally: Tally;
}

/** Keeps a reporter's error among the first five, for the log. */
function fail(d: Drive, msg: string): void {
  if (d.tally.firstErrors.length < 5) d.tally.firstErrors.push(msg);
}

/**
 * Runs `chats.length` reporters at once through `steps`; a reporter stops at its first failure.
 * Bounded in count (steps x journeys) and time (`deadlineMs`).
 */
export async function runReporters(client: WebhookClient, driver: DoubleDriver, chats: ChatState[], steps: readonly Step[], opts: RunOptions): Promise<ScenarioResult> {
  const tally: Tally = { service: [], total: [], byStep: new Map(), failedPosts: 0, firstErrors: [], outcomes: [] };
  const begin = performance.now();
  const journeys = opts.journeys ?? 1;
  const d: Drive = { client, driver, chats, steps, opts, journeys, begin, deadline: begin + opts.deadlineMs, tally };

  await Promise.all(chats.map((chat, i) => runReporter(d, chat, i)));
  const wallMs = performance.now() - begin;
  const journeysCompleted = tally.outcomes.filter((o) => o.completed).length;
  return {
    reporters: chats.length,
    connections: client.connections,
    updates: tally.service.length,
    failedPosts: tally.failedPosts,
    journeysCompleted,
    journeysFailed: chats.length * journeys - journeysCompleted,
    firstErrors: tally.firstErrors,
    wallMs,
    service: tally.service,
    total: tally.total,
    byStep: tally.byStep,
    outcomes: tally.outcomes,
  };
}

/** Reporter `i`'s journeys, one after the other, until the first failure. */
async function runReporter(d: Drive, chat: ChatState, i: number): Promise<void> {
  const { opts, steps, chats } = d;
  // Paced reporters are spread over the schedule and also over the journey: reporter i starts
  // (i mod journey length) steps late, so they do not all reach the expensive Confirm in the
  // same instant (real reporters are not in lockstep). The ramp-up lowers the achieved rate a little.
  const pace = { next: opts.paceMs ? d.begin + (opts.paceMs * i) / chats.length + opts.paceMs * (i % steps.length) : 0 };
  if (!opts.paceMs && opts.startSpreadMs) await sleep((opts.startSpreadMs * i) / chats.length);
  for (let j = 0; j < d.journeys; j++) {
    const outcome: ReporterOutcome = { reporter: i, completed: false, startedAt: new Map() };
    d.tally.outcomes.push(outcome);
    for (const step of steps) {
      if ((await sendStep(d, chat, i, step, outcome, pace)) === 'stopped') return;
    }
    const problem = (await opts.check?.(d.driver, chat, outcome)) ?? null;
    if (problem) {
      outcome.error = problem;
      fail(d, problem);
      return;
    }
    outcome.completed = true;
  }
}

/**
 * One step of a reporter's journey: its update posted (at its time in the schedule, when paced)
 * and timed; `stopped` (the error in `outcome`) ends the reporter.
 */
async function sendStep(d: Drive, chat: ChatState, i: number, step: Step, outcome: ReporterOutcome, pace: { next: number }): Promise<'sent' | 'skipped' | 'stopped'> {
  const { opts, driver, tally } = d;
  if (performance.now() > d.deadline) {
    outcome.error = 'deadline';
    return 'stopped';
  }
  let body = step.build(driver, chat, i);
  // The button may come in the answer's next message (or edit): wait for the bot once more.
  for (let k = 0; body === null && opts.answered && k < 3; k++) {
    await opts.answered(chat, Date.now());
    body = step.build(driver, chat, i);
  }
  if (body === '') return 'skipped'; // this step is not for this reporter
  if (body === null) {
    outcome.error = `step ${step.name}: expected button not offered; bot said ${JSON.stringify(driver.lastBotText(chat).slice(0, 80))}`;
    fail(d, outcome.error);
    return 'stopped';
  }
  let scheduled = performance.now();
  if (opts.paceMs) {
    if (pace.next > scheduled) await sleep(pace.next - scheduled);
    scheduled = pace.next;
    pace.next += opts.paceMs;
  }
  // The wall clock, not performance.timeOrigin + now(): these stamps are compared with the
  // double's (Date.now()) and Redis's (TIME), and on this VM the two clocks drifted apart by
  // 5 ms a second while NTP slewed (2026-12-01), seconds over a bench process's life.
  outcome.startedAt.set(step.name, Date.now());
  const r = await d.client.post(body);
  if (r.status !== 200) {
    tally.failedPosts++;
    outcome.error = `step ${step.name}: HTTP ${r.status}${r.error ? ` (${r.error})` : ''}`;
    fail(d, outcome.error);
    return 'stopped';
  }
  tally.service.push(r.serviceMs);
  tally.total.push(opts.paceMs ? performance.now() - scheduled : r.totalMs);
  const ofStep = tally.byStep.get(step.name) ?? [];
  ofStep.push(r.serviceMs);
  tally.byStep.set(step.name, ofStep);
  if (opts.answered) await opts.answered(chat, outcome.startedAt.get(step.name) ?? 0);
  return 'sent';
}
