/** `npm run console:user` as an operator runs it: a separate process, password from the environment. */
import { createHash } from 'node:crypto';
import { createStore, type Store } from '../../../src/store';
import { connectTestDb, type TestDb } from '../../support/db';
import { spawnApp } from '../../support/spawn-app';

let db: TestDb;
let store: Store;
const DATA_KEY = `k1:${Buffer.alloc(32, 3).toString('base64')}`;

beforeAll(async () => {
  db = await connectTestDb('console-cli');
  store = createStore(db.conn, [{ id: 'k1', key: Buffer.alloc(32, 3) }]);
});
afterAll(async () => {
  await db?.drop();
});

function uriFor(dbName: string): string {
  const u = new URL(process.env.MONGODB_URI!);
  u.pathname = `/${dbName}`;
  return u.toString();
}

async function run(args: string[], password?: string) {
  const env = { MONGODB_URI: uriFor(db.dbName), TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', DATA_KEY, CONSOLE_USER_PASSWORD: password };
  const p = spawnApp(args, env, 'src/console/cli.ts');
  const { code } = await p.exited;
  return { code, output: p.lines.join('\n') };
}

it('creates the first admin, who can then sign in; refuses a duplicate and a short password', async () => {
  const added = await run(['add', '--username', 'Amina', '--name', 'Amina W.', '--role', 'admin'], 'a long enough password');
  expect(added.output).toContain('Created admin "amina"');
  expect(added.code).toBe(0);
  const signIn = await store.agents.signIn('amina', 'a long enough password');
  expect(signIn.ok && signIn.agent.role).toBe('admin');

  const again = await run(['add', '--username', 'amina', '--name', 'Amina W.', '--role', 'admin'], 'a long enough password');
  expect(again.code).toBe(2);
  expect(again.output).toContain('already exists');

  const short = await run(['add', '--username', 'baraka', '--name', 'Baraka', '--role', 'agent'], 'short');
  expect(short.code).toBe(2);
  expect(short.output).toContain('at least 10 characters');
  expect(await store.agents.findByUsername('baraka')).toBeNull();
});

it('resets a password (which also unlocks the account)', async () => {
  const res = await run(['passwd', '--username', 'amina'], 'another long password');
  expect(res.code).toBe(0);
  expect((await store.agents.signIn('amina', 'another long password')).ok).toBe(true);
  expect((await store.agents.signIn('amina', 'a long enough password')).ok).toBe(false);
});

it('a reset whose deletion of the old session records fails still signs the account out everywhere, and logs the failure with its error', async () => {
  const amina = (await store.agents.findByUsername('amina'))!;
  const token = 'an old session of amina, from a stolen laptop';
  const sessions = store.agents['models'].ConsoleSession;
  await sessions.create({ _id: createHash('sha256').update(token).digest('hex'), agentId: amina._id, csrf: 'x', expiresAt: new Date(Date.now() + 3_600_000), createdAt: new Date() });
  expect(await store.agents.findSession(token)).not.toBeNull();
  const admin = db.conn.getClient().db('admin');
  const data = { failCommands: ['delete'], errorCode: 91, namespace: `${db.dbName}.${sessions.collection.collectionName}` };
  await admin.command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data });
  let res;
  try {
    res = await run(['passwd', '--username', 'amina'], 'a third long password');
  } finally {
    await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data });
  }
  expect(res.code).toBe(0);
  expect(res.output).toContain('Password changed for "amina"');
  // Not a terminal: the log lines are JSON, as for a log collector.
  const logged = res.output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(logged.filter((l) => l.msg === 'sessions ended, but their records were not deleted')).toEqual([expect.objectContaining({ level: 'warn', err: expect.objectContaining({ message: expect.any(String) }) })]);
  expect(await store.agents.findSession(token)).toBeNull();
});
