/**
 * Console accounts from the command line, for the first admin (and for an admin who is locked out):
 *
 *   npm run console:user -- add --username amina --name "Amina W." --role admin
 *   npm run console:user -- passwd --username amina
 *
 * The password comes from CONSOLE_USER_PASSWORD or is asked for on the terminal (not echoed),
 * never from an argument, which would end up in the shell history and the process list.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { loadConfig, ConfigError } from '../config';
import { createLogger } from '../logger';
import { connectMongo, createStore, checkPassword, AccountInputError, AgentExistsError, AGENT_ROLES, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, type AgentRole, type Store } from '../store';

const USAGE = `Usage:
  npm run console:user -- add --username <name> --name "<full name>" --role agent|supervisor|admin [--language en|sw]
  npm run console:user -- passwd --username <name>
The password is read from CONSOLE_USER_PASSWORD, or asked for on the terminal.`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) fail('No terminal to ask for the password: set CONSOLE_USER_PASSWORD.');
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (!muted) process.stdout.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.CONSOLE_USER_PASSWORD;
  const password = fromEnv ?? (await ask('Password: '));
  if (fromEnv === undefined && (await ask('Password again: ')) !== password) fail('The two passwords differ.');
  const check = checkPassword(password);
  if (!check.ok) fail(check.reason === 'too_long' ? `The password can have at most ${PASSWORD_MAX_CHARS} characters.` : `The password must be at least ${PASSWORD_MIN_CHARS} characters.`);
  return password;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, language: { type: 'string' }, help: { type: 'boolean' } },
  });
  const command = positionals[0];
  if (values.help || (command !== 'add' && command !== 'passwd')) fail(USAGE);
  if (!values.username) fail(`--username is required.\n${USAGE}`);

  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  let role: AgentRole | undefined;
  if (command === 'add') {
    if (!values.name) fail(`--name is required.\n${USAGE}`);
    if (!(AGENT_ROLES as readonly string[]).includes(values.role ?? '')) fail(`--role must be one of ${AGENT_ROLES.join(', ')}.`);
    role = values.role as AgentRole;
    if (values.language && values.language !== 'en' && values.language !== 'sw') fail('--language must be en or sw.');
  }
  const password = await readPassword();
  // The project's logger, as main.ts builds it: what the store carries on past (old session
  // records it could not delete) is logged with its error, not dropped.
  const logger = createLogger({ level: config.logLevel });
  const conn = await connectMongo(config.mongodbUri);
  try {
    const store = createStore(conn, config.dataKeys, { logger, agents: { hashOptions: config.console.passwordHash } });
    await store.agents.ready();
    if (command === 'add' && role) await addAccount(store, { username: values.username, name: values.name ?? '', role, password, language: values.language === 'sw' ? 'sw' : 'en' });
    else await resetPassword(store, values.username, password);
  } catch (err) {
    if (err instanceof AgentExistsError) fail(`An account named "${err.username}" already exists.`);
    if (err instanceof AccountInputError) fail(err.message);
    logger.error({ err }, command === 'add' ? 'could not create the console account' : 'could not change the console password');
    throw err;
  } finally {
    await conn.close();
  }
}

async function addAccount(store: Store, account: Parameters<Store['agents']['create']>[0]): Promise<void> {
  const agent = await store.agents.create(account);
  console.log(`Created ${agent.role} "${agent.username}". They can sign in at the console now.`);
}

/** Ends every session in the same write as the change; old session records left behind (logged) are refused anyway. */
async function resetPassword(store: Store, username: string, password: string): Promise<void> {
  const agent = await store.agents.findByUsername(username);
  if (!agent) fail(`No account named "${username}".`);
  await store.agents.setPassword(agent._id, password);
  console.log(`Password changed for "${agent.username}"; the account is unlocked and signed out everywhere.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
