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
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter, options: { uiConfig: { boardTitle: 'Ripoti' } } });
  await scope.register(serverAdapter.registerPlugin());
};
