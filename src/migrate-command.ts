import { loadMigrateConfig } from './config';
import { createLogger } from './logger';
import { applyIndexes, connectMongo, createStore, describePlan, planIndexes } from './store';
import { purgeLaterFilesOfPurged } from './services/retention';
import { handBackFromDeactivated } from './services/deactivated-holders';

/**
 * `node dist/main.js migrate [--dry-run]`: makes MongoDB's indexes match the schemas (see
 * src/store/migrate.ts), removes files reporters sent later on reports purged before
 * retention covered them, takes the chosen language off reporter records purged before a purge
 * took it too, and puts back tickets still held by accounts deactivated before a
 * deactivation handed them back (the outbox relay queues them). Docker Compose runs it once before the roles start. `--dry-run` prints
 * what it would create and drop and changes nothing. Exit code 0 on success, 1 on failure, 2 for
 * bad arguments or configuration.
 */
export async function runMigrate(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--dry-run');
  if (unknown.length) {
    console.error(`migrate: unknown argument ${unknown[0]}; usage: node dist/main.js migrate [--dry-run]`);
    return 2;
  }
  const dryRun = args.includes('--dry-run');
  const config = loadMigrateConfig();
  const logger = createLogger({ level: config.logLevel });
  // No automatic builds (this command is the one that builds) and no socket timeout: building an
  // index on a large collection may take minutes.
  const conn = await connectMongo(config.mongodbUri, { autoIndex: false, socketTimeoutMS: 0 });
  try {
    // Registers every model on the connection; the data keys are not used here.
    const store = createStore(conn, [{ id: 'migrate', key: Buffer.alloc(32) }]);
    const plan = dryRun ? await planIndexes(conn) : await applyIndexes(conn);
    for (const line of describePlan(plan)) {
      if (!dryRun) logger.info({ change: line }, 'index migration');
      else process.stdout.write(`${plan.length ? `would ${line.replace(/^(\S+): (create|drop)/, '$2 on $1:')}` : line}\n`);
    }
    if (!dryRun) logger.info({ changes: plan.reduce((n, c) => n + c.create.length + c.drop.length, 0) }, 'indexes match the schemas');
    const files = await purgeLaterFilesOfPurged(store, { dryRun });
    if (dryRun) process.stdout.write(`would remove ${files} file(s) and place(s) reporters sent later on reports already purged\n`);
    else logger.info({ files }, 'files and places sent later on reports already purged removed');
    const languages = await store.reporters.dropLanguageOfPurged({ dryRun });
    if (dryRun) process.stdout.write(`would take the chosen language off ${languages} reporter record(s) already purged\n`);
    else logger.info({ records: languages }, 'chosen language taken off reporter records already purged');
    const tickets = await handBackFromDeactivated(store, { dryRun });
    if (dryRun) process.stdout.write(`would put back ${tickets} ticket(s) still held by deactivated accounts\n`);
    else logger.info({ tickets }, 'tickets still held by deactivated accounts put back in the queue');
    return 0;
  } finally {
    await conn.close();
  }
}
