/**
 * Fuzz (issue 7, part 6): random input to every console form and query parameter never yields a
 * 500. Requests go over loopback HTTP (fastify `inject` cannot run under Jest on Node 20; see
 * test/support/console-harness.ts) with signed-in sessions (admin, supervisor, agent) and
 * a valid CSRF token, so they reach the handlers; ids are real tickets and accounts, valid but
 * unknown ObjectIds, or junk; values are random strings (unicode, huge, regex and Mongo operator
 * look-alikes, impossible dates), repeated keys (arrays), and sometimes JSON or empty bodies.
 *
 * Bounded: FUZZ_RUNS requests (default 400) within FUZZ_BUDGET_MS (default 25 s). A failure prints
 * fast-check's seed and path; re-run it with FUZZ_SEED=<seed> FUZZ_PATH=<path>.
 * Not covered here: the SSE streams (/live/...), which stay open by design.
 */
import fc from 'fast-check';
import { Types } from 'mongoose';
import { createConsoleHarness, type ConsoleBrowser, type ConsoleHarness, type PageResponse } from '../../support/console-harness';
import { reportInput, reporter, sentMessage } from '../../support/tickets-harness';

jest.setTimeout(Number(process.env.FUZZ_BUDGET_MS ?? 25_000) + 40_000);

let h: ConsoleHarness;
const ids: Record<'taken' | 'waiting' | 'spare' | 'message', string> = { taken: '', waiting: '', spare: '', message: '' };
let browsers: Record<'admin' | 'supervisor' | 'agent' | 'anonymous', ConsoleBrowser>;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'fuzz_console' });
  await h.account('fuzzadmin', 'admin');
  await h.account('fuzzsup', 'supervisor');
  const agentAccount = await h.account('fuzzagent', 'agent');
  ids.spare = (await h.account('spare', 'agent'))._id.toString();
  const who = await reporter(h.store, { language: 'sw' });
  for (let i = 0; i < 3; i++) await h.reports.submit(reportInput(who._id, { language: 'sw', dangerNow: i === 0 }));
  const taken = await h.tickets.takeNext({ id: agentAccount._id.toString(), role: 'agent' });
  if (!taken.ok) throw new Error('the agent could not take a ticket');
  ids.taken = taken.report._id.toString();
  ids.waiting = (await h.store.models.Report.findOne({ _id: { $ne: taken.report._id } }).lean())!._id.toString();
  const reply = sentMessage(await h.tickets.reply(ids.taken, { id: agentAccount._id.toString(), role: 'agent' }, 'Tunashughulikia ripoti yako.'));
  ids.message = reply?._id.toString() ?? new Types.ObjectId().toString();

  browsers = { admin: h.browser(), supervisor: h.browser(), agent: h.browser(), anonymous: h.browser() };
  for (const [who, name] of [
    ['admin', 'fuzzadmin'],
    ['supervisor', 'fuzzsup'],
    ['agent', 'fuzzagent'],
  ] as const) {
    const res = await browsers[who].signIn(name);
    if (res.statusCode !== 303) throw new Error(`${name} could not sign in (${res.statusCode})`);
  }
  await browsers.anonymous.get('/signin');
});

afterAll(async () => {
  await h?.close();
});

// ---------------------------------------------------------------------------------------------

const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e400',
    'NaN',
    'Infinity',
    '47',
    '48',
    '10001',
    '99999999999999999999',
    'true',
    'false',
    'null',
    '[object Object]',
    '$where',
    '{"$gt":""}',
    '.*',
    '(a+)+$',
    '\\',
    '%00',
    '\u0000',
    '../../etc/passwd',
    '//evil.example',
    '/\\evil',
    'javascript:alert(1)',
    '<script>alert(1)</script>',
    '=cmd|calc!A1',
    'R-7K3F-9QX2',
    'r 7k3f 9qx2',
    '2024-02-30',
    '2024-13-45',
    '0000-00-00',
    '9999-99-99',
    '2026-11-23',
    'مرحبا',
    '🙂'.repeat(50),
  ),
  fc.string({ minLength: 3000, maxLength: 12_000 }),
);

const idArb = fc.oneof(
  fc.constantFrom('taken', 'waiting', 'spare', 'message').map((k) => ({ real: k as keyof typeof ids })),
  fc.constant(null).map(() => ({ literal: new Types.ObjectId().toString() })),
  junk.map((s) => ({ literal: s })),
);

type Who = keyof typeof browsers;

interface Req {
  who: Who;
  method: 'GET' | 'POST';
  path: string;
  pathId: { real: keyof typeof ids } | { literal: string };
  extra: string;
  params: [string, string][];
  body: 'form' | 'json' | 'empty' | 'garbage';
  fetch: boolean;
  range?: string;
}

const QUERY_KEYS = ['status', 'kind', 'category', 'county', 'from', 'to', 'agent', 'q', 'page', 'ok', 'err', 'next', 'back', 'lang'];
const REAL: Record<string, string[]> = {
  status: ['received', 'assigned', 'in_progress', 'waiting_reporter', 'resolved', 'rejected_spam', 'rejected_duplicate', 'referred'],
  kind: ['police', 'election'],
  category: ['p_bribery', 'e_violence', 'e_hate'],
  county: ['1', '47', '32'],
  from: ['2026-01-01', '2026-11-23'],
  to: ['2026-12-31'],
  q: ['R-7K3F-9QX2', 'Kencom', 'Officer'],
  page: ['1', '2'],
  agency: ['ipoa', 'odpp', 'iebc', 'ncic', 'nps_ia', 'other'],
  lang: ['en', 'sw'],
  format: ['pdf', 'html'],
  role: ['agent', 'supervisor', 'admin'],
  active: ['true', 'false'],
  username: ['newagent', 'fuzzadmin'],
  password: ['long enough password 1'],
  text: ['Tuko njiani.', 'Note for the team'],
};

/** [method, path template] for every route except the SSE streams and the two sign-outs. */
const ROUTES: [Req['method'], string, string[]][] = [
  ['GET', '/', []],
  ['GET', '/signin', ['next']],
  ['GET', '/queue', ['ok', 'err']],
  ['GET', '/queue/fragment', []],
  ['GET', '/account', ['ok', 'err']],
  ['GET', '/supervisor/tickets', QUERY_KEYS],
  ['GET', '/supervisor/tickets.csv', QUERY_KEYS],
  ['GET', '/admin/agents', ['ok', 'err']],
  ['GET', '/tickets/:id', ['ok', 'err']],
  ['GET', '/tickets/:id/conversation', []],
  ['GET', '/tickets/:id/activity', []],
  ['GET', '/tickets/:id/voice', []],
  ['GET', '/tickets/:id/evidence/:extra', []],
  ['GET', '/tickets/:id/messages/:id2/media', []],
  ['GET', '/tickets/:id/case-file', ['format', 'lang']],
  ['GET', '/tickets/:id/evidence-archive', ['lang']],
  ['GET', '/static/:extra', []],
  ['GET', '/healthz', []],
  ['GET', '/metrics', []],
  ['POST', '/signin', ['username', 'password', 'next']],
  ['POST', '/language', ['lang', 'back']],
  ['POST', '/account/password', ['current_password', 'new_password', 'confirm_password']],
  ['POST', '/queue/take', []],
  ['POST', '/tickets/:id/reply', ['text']],
  ['POST', '/tickets/:id/note', ['text']],
  ['POST', '/tickets/:id/status', ['status', 'note']],
  ['POST', '/tickets/:id/refer', ['agency', 'note']],
  ['POST', '/tickets/:id/release', []],
  ['POST', '/admin/agents', ['username', 'name', 'role', 'password']],
  ['POST', '/admin/agents/:id/password', ['password']],
  ['POST', '/admin/agents/:id/active', ['active']],
];

const reqArb: fc.Arbitrary<Req> = fc
  .tuple(
    fc.constantFrom(...ROUTES),
    fc.constantFrom<Who>('admin', 'supervisor', 'agent', 'agent', 'anonymous'),
    idArb,
    junk,
    fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 8 }),
    fc.array(fc.tuple(junk, junk), { maxLength: 2 }),
    fc.constantFrom<Req['body']>('form', 'form', 'form', 'json', 'empty', 'garbage'),
    fc.boolean(),
    fc.option(fc.oneof(fc.constantFrom('bytes=0-10', 'bytes=-5', 'bytes=999999999-', 'bytes=5-1', 'bytes=0-0,2-3', 'items=0-1', 'bytes=', 'bytes=a-b'), fc.stringMatching(/^[ -~]{0,40}$/)), { nil: undefined }),
    fc.array(junk, { minLength: 8, maxLength: 8 }),
    fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  )
  .map(([[method, path, keys], who, pathId, extra, picks, randomPairs, body, fetchHeader, range, junkValues, realPicks]) => {
    const params: [string, string][] = [];
    picks.forEach(([n, useReal], i) => {
      if (!keys.length) return;
      const key = keys[n % keys.length];
      const real = REAL[key] ?? [];
      params.push([key, useReal && real.length ? real[realPicks[i] % real.length] : junkValues[i]]);
    });
    for (const [k, v] of randomPairs) params.push([k, v]);
    return { who, method, path, pathId, extra, params, body, fetch: fetchHeader, range };
  });

function resolveId(x: Req['pathId']): string {
  return 'real' in x ? ids[x.real] : x.literal;
}

async function send(r: Req): Promise<PageResponse> {
  const b = browsers[r.who];
  const seg = (s: string) => encodeURIComponent(s).slice(0, 2000) || 'x';
  const path = r.path
    .replace(':id2', seg(ids.message))
    .replace(':id', seg(resolveId(r.pathId)))
    .replace(':extra', seg(r.extra));
  const headers: Record<string, string> = {};
  if (r.fetch) headers['x-requested-with'] = 'fetch';
  if (r.range) headers.range = r.range;
  if (r.method === 'GET') {
    // Query strings stay under what servers and proxies take in a request line (about 8 KB);
    // the huge values go into form bodies.
    const qs = new URLSearchParams(r.params.map(([k, v]) => [k.slice(0, 200), v.slice(0, 1000)])).toString();
    return b.get(qs ? `${path}?${qs}` : path, headers);
  }
  if (r.body === 'form') {
    // ConsoleBrowser.post takes a record; repeated keys are sent by hand below.
    const repeated = new Set(r.params.map(([k]) => k)).size < r.params.length;
    if (!repeated) return b.post(path, Object.fromEntries(r.params), { headers });
  }
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  const form = new URLSearchParams(r.params);
  form.set('_csrf', b.csrf);
  const payload =
    r.body === 'json' ? JSON.stringify({ ...Object.fromEntries(r.params), _csrf: b.csrf, nested: { $gt: '' }, list: [1, 'a'] }) : r.body === 'empty' ? '' : r.body === 'garbage' ? '%%%&&&=\u0000=%E0%A4%A' : form.toString();
  const type = r.body === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  const res = await fetch(`${h.base}${path}`, { method: 'POST', redirect: 'manual', headers: { ...headers, cookie, 'content-type': type, 'x-csrf-token': b.csrf }, body: payload });
  const body = await res.text();
  return { statusCode: res.status, headers: {}, body, cookies: [], json: () => JSON.parse(body) as unknown };
}

it('random input to every console form and query parameter never yields a 500', async () => {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(reqArb, async (r) => {
      const res = await send(r);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) throw new Error(`${r.who} ${r.method} ${r.path} -> ${res.statusCode}: ${res.body.slice(0, 300)}`);
    }),
    {
      seed,
      path: process.env.FUZZ_PATH,
      numRuns: Number(process.env.FUZZ_RUNS ?? 400),
      interruptAfterTimeLimit: Number(process.env.FUZZ_BUDGET_MS ?? 25_000),
      endOnFailure: process.env.FUZZ_SHRINK !== '1',
    },
  );
  if (process.env.FUZZ_DEBUG) console.log(Object.fromEntries(statuses));
  // The requests reached the handlers (not only the gates), and the console still works.
  expect([...statuses.keys()].some((s) => s === 200)).toBe(true);
  expect([...statuses.keys()].some((s) => s === 303)).toBe(true);
  expect((await browsers.admin.get('/queue')).statusCode).toBe(200);
  expect((await browsers.supervisor.get('/supervisor/tickets')).statusCode).toBe(200);
});
