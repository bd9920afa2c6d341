/**
 * The console on top of the real tickets graph (tickets-harness: real Redis, MongoDB test server,
 * BullMQ queues, TicketService), listening on a loopback port, plus a small HTTP client that
 * signs in like a browser: it keeps cookies and reads the CSRF token from the page.
 */
import type { EventBus } from '../../src/services/events';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { createConsole } from '../../src/console';
import { RedisEventBus } from '../../src/queue';
import { createRedis, closeRedis } from '../../src/redis';
import { redisKeys } from '../../src/redis-keys';
import type { Service } from '../../src/lifecycle';
import type { AgentDoc, AgentRole } from '../../src/store';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createHarness, type Harness, type HarnessOptions } from './tickets-harness';
import { redisReady } from './redis';
import { launchChromium, signInDirectly, switchLanguage } from './browser';

export interface ConsoleHarness extends Harness {
  app: FastifyInstance;
  service: Service;
  bus: EventBus;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Creates an account with a known password. */
  account(username: string, role: AgentRole, password?: string): Promise<AgentDoc>;
  browser(): ConsoleBrowser;
}

export const PASSWORD = 'correct horse battery';

export async function createConsoleHarness(opts: HarnessOptions): Promise<ConsoleHarness> {
  const h = await createHarness(opts);
  const conns: Redis[] = [];
  const redis = (kind: 'worker' | 'producer') => {
    const r = createRedis(h.config.redis, kind);
    r.on('error', () => undefined);
    conns.push(r);
    return r;
  };
  const bus = new RedisEventBus(redis('producer'), redis('worker'), redisKeys(h.prefix).liveChannel);
  const { app, service } = createConsole({
    config: h.config,
    logger: h.logger,
    store: h.store,
    translator: h.translator,
    events: bus,
    tickets: h.tickets,
    incidents: h.incidents,
    metrics: h.metrics,
    redis: redis('producer'),
    queues: h.queues.bullQueues,
    // bull-board cannot load inside Jest (see src/console/bull-board.ts); this stands in for it
    // so the access rules around /admin/queues are still exercised.
    mountBoard: async (scope) => {
      scope.get('/', async () => 'bull-board stand-in');
      // One of the board's own API calls that would change a queue (bull-board's page sends it with fetch).
      scope.put('/api/queues/:queueName/pause', async () => 'paused (stand-in)');
    },
  });
  // The live events' publisher and /readyz's ping have no offline queue: refused while still connecting.
  await Promise.all(conns.map(redisReady));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const close = h.close.bind(h);
  return Object.assign(h, {
    app,
    service,
    bus,
    account: (username: string, role: AgentRole, password = PASSWORD) => h.store.agents.create({ username, name: `${username[0].toUpperCase()}${username.slice(1)} W.`, role, password }),
    browser: () => new ConsoleBrowser(base),
    base,
    async close() {
      await app.close();
      await Promise.all(conns.map(closeRedis));
      await close();
    },
  });
}

/**
 * A console harness and a Chromium for the file's tests: started before them, closed after them
 * (read both in a `beforeAll` declared after this call).
 */
export function consoleInChromium(opts: HarnessOptions): { h: () => ConsoleHarness; browser: () => Browser } {
  let h: ConsoleHarness | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    h = await createConsoleHarness(opts);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });
  return { h: () => h!, browser: () => browser! };
}

/**
 * A laptop-sized Chromium page of its own, `username` signed in (the console in `lang`) and at
 * `path`; `posts` lists the paths of the requests the page posts from then on.
 */
export async function signedInPage(h: ConsoleHarness, browser: Browser, username: string, lang: 'en' | 'sw', path: string): Promise<{ page: Page; context: BrowserContext; posts: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signInDirectly(page, h.base, username, PASSWORD);
  if (lang === 'sw') await switchLanguage(page, 'sw');
  await page.goto(`${h.base}${path}`);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
  });
  return { page, context, posts };
}

export interface PageResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: string;
  /** Set-Cookie headers, parsed. */
  cookies: { name: string; value: string; httpOnly: boolean; sameSite?: string; path?: string; secure: boolean; maxAge?: number }[];
  json(): unknown;
}

function parseSetCookie(line: string): PageResponse['cookies'][number] {
  const [pair, ...attrs] = line.split(';').map((p) => p.trim());
  const eq = pair.indexOf('=');
  const attr = (name: string) => attrs.find((a) => a.toLowerCase().startsWith(`${name.toLowerCase()}=`))?.split('=')[1];
  const maxAge = attr('Max-Age');
  return {
    name: pair.slice(0, eq),
    value: decodeURIComponent(pair.slice(eq + 1)),
    httpOnly: attrs.some((a) => a.toLowerCase() === 'httponly'),
    secure: attrs.some((a) => a.toLowerCase() === 'secure'),
    sameSite: attr('SameSite'),
    path: attr('Path'),
    maxAge: maxAge === undefined ? undefined : Number(maxAge),
  };
}

/**
 * A cookie-keeping client over real HTTP, like a browser without JavaScript. (fastify.inject
 * cannot run under Jest on Node 20: light-my-request needs the ES-module-only `cookie` package.)
 */
export class ConsoleBrowser {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly base: string) {}

  private async send(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: string): Promise<PageResponse> {
    const res = await fetch(`${this.base}${url}`, { method, headers: { cookie: this.cookieHeader(), ...headers }, body, redirect: 'manual' });
    const text = await res.text();
    const cookies = res.headers.getSetCookie().map(parseSetCookie);
    for (const c of cookies) {
      if (c.maxAge === 0 || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /<meta name="csrf-token" content="([^"]*)">/.exec(text);
    if (m) this.csrf = m[1];
    const headerMap: Record<string, string> = {};
    res.headers.forEach((v, k) => (headerMap[k] = v));
    return {
      statusCode: res.status,
      headers: headerMap,
      body: text,
      cookies,
      json: () => JSON.parse(text) as unknown,
    };
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  get(url: string, headers: Record<string, string> = {}): Promise<PageResponse> {
    return this.send('GET', url, { accept: 'text/html', ...headers });
  }

  /** Posts a form (a list is a field sent once per value, as ticked checkboxes are); the CSRF token is added unless `csrf: false` (or another token) is given. */
  post(url: string, form: Record<string, string | string[]> = {}, opts: { csrf?: string | false; headers?: Record<string, string> } = {}): Promise<PageResponse> {
    const body = new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x])));
    if (opts.csrf !== false) body.set('_csrf', opts.csrf ?? this.csrf);
    return this.send('POST', url, { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers }, body.toString());
  }

  async signIn(username: string, password = PASSWORD): Promise<PageResponse> {
    await this.get('/signin');
    const res = await this.post('/signin', { username, password });
    if (res.statusCode === 303) await this.get('/queue');
    return res;
  }
}
