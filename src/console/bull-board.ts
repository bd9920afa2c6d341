import type { FastifyInstance } from 'fastify';
import type { Queue } from 'bullmq';

/** Puts a BullMQ dashboard at `basePath` inside `scope` (an encapsulated, access-checked context). */
export type BoardMounter = (scope: FastifyInstance, basePath: string, queues: readonly Queue[]) => Promise<void>;

/**
 * bull-board, loaded on first use: its fastify adapter pulls in an ES-module-only dependency
 * (content-disposition via @fastify/static) that Node 20.19+ loads natively but Jest's module
 * loader cannot, so in-process tests inject another mounter and the spawned-process e2e test
 * covers this one.
 */
export const mountBullBoard: BoardMounter = async (scope, basePath, queues) => {
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
  // The console's CSP (set for every page in index.ts) already stops outside requests; removing
  // the links as well keeps the page from asking, and the console's log free of refusals.
  scope.addHook('onSend', async (_req, reply, payload) => {
    const html = typeof payload === 'string' && String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    return html ? withoutOutsideResources(payload) : payload;
  });
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  // Read-only: the board is for looking. Its buttons (retry, promote, clean, obliterate, edit a
  // job's data) would change tickets and messages outside the services' rules and audit trail; a
  // job that failed is given a new one by the outbox relay, not by hand.
  const adapters = queues.map((q) => {
    const adapter = new BullMQAdapter(q, { readOnlyMode: true });
    adapter.setFormatter('data', boardData);
    // bull-board formats only a job's data, name, progress and result: its wait is hidden on the job itself.
    const getJob = adapter.getJob.bind(adapter);
    const getJobs = adapter.getJobs.bind(adapter);
    adapter.getJob = async (id) => withoutWait(await getJob(id));
    adapter.getJobs = async (...args) => (await getJobs(...args)).map(withoutWait);
    return adapter;
  });
  createBullBoard({ queues: adapters, serverAdapter, options: { uiConfig: { boardTitle: 'Ripoti' } } });
  await scope.register(serverAdapter.registerPlugin());
};

/**
 * What a reply job keeps of its pacing through a chat (src/queue/types.ts `ReplyJobData`): the
 * slot it was parked until behind another message to the same person, how often it waited, the
 * id and language Telegram's chat gave a sent message. Shown, it would let a supervisor pair
 * two tickets' messages as going to one chat, an anonymous ticket with its reporter's named one.
 */
const PACING_FIELDS = new Set(['slot', 'behind', 'sentAs', 'sentIn']);

/** A job's data as the board shows it: without the reply pacing fields. */
export function boardData(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !PACING_FIELDS.has(key)));
}

/**
 * A reply job's own wait, as BullMQ keeps it outside its data: `delay` (how long it was last
 * parked for its chat's turn, written by every move to delayed; a reply job is never added with
 * one), the same in `opts`, and `attemptsStarted`, one more for each park. As telling as the slot.
 */
export function boardJob<T extends { data?: unknown; opts?: object }>(json: T): T {
  const data = json.data as { kind?: unknown } | undefined;
  if (data?.kind !== 'message') return json;
  const { delay: _delay, attemptsStarted: _started, ...rest } = json as T & { delay?: number; attemptsStarted?: number };
  const { delay: _optsDelay, ...opts } = (json.opts ?? {}) as { delay?: number };
  return { ...rest, opts } as unknown as T;
}

/** The job as the board reads it (`toJSON`), without its wait. */
function withoutWait<J extends { toJSON(): { data?: unknown; opts?: object } } | null | undefined>(job: J): J {
  if (!job) return job;
  const json = job.toJSON.bind(job);
  job.toJSON = () => boardJob(json());
  return job;
}

/**
 * bull-board's page links web fonts from a third-party host: each supervisor opening the board
 * would tell that host when the hotline's staff are at work, and from where. The page falls back
 * to local fonts without them. Drops every stylesheet, icon or script link to another host.
 */
export function withoutOutsideResources(html: string): string {
  return html
    .replace(/<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^>]*>\s*<\/script>/gi, '')
    .replace(/<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^>]*>/gi, '');
}
