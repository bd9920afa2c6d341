/**
 * MongoDB's `failCommand` fail point (a test command of real servers started with
 * enableTestCommands): `{ configureFailPoint: 'failCommand', mode: { times: n } | 'alwaysOn' | 'off',
 * data: { failCommands: [...], errorCode, namespace?, appName? } }`. `namespace` ('db.collection')
 * limits it to commands on that collection, so one test file's fail point never fails another
 * file's commands on the shared server; `appName` to clients that gave that name in their handshake. Lets a test see what the app does when MongoDB gives
 * up on a command (MaxTimeMSExpired, say), which an in-memory store never does on its own.
 *
 * One difference from MongoDB, for test files that run at once on the one shared server: MongoDB
 * keeps a single failCommand setting, so a second file arming it (or turning it off) would replace
 * the first file's. Here each namespace has its own setting: `off` with `data.namespace` turns off
 * only that one; `off` without data turns off every one, as MongoDB's does.
 */
import { badValue, CommandError } from './errors';
import { isPlainObject, type Doc } from './values';

// The names MongoDB gives the codes tests are likely to ask for; others read 'FailPoint'.
const CODE_NAMES: Record<number, string> = { 50: 'MaxTimeMSExpired', 91: 'ShutdownInProgress', 11600: 'InterruptedAtShutdown', 262: 'ExceededTimeLimit' };

interface Setting {
  commands: Set<string>;
  errorCode: number;
  appName: string | undefined;
  /** Failures left; Infinity for alwaysOn. */
  remaining: number;
}

/** The key of a setting without a namespace (it applies to every collection). */
const ANY = '';

export class FailPoints {
  private readonly settings = new Map<string, Setting>();

  configure(args: Doc): Doc {
    if (args.configureFailPoint !== 'failCommand') throw badValue(`unknown fail point '${String(args.configureFailPoint)}'`);
    const data = isPlainObject(args.data) ? args.data : {};
    const namespace = typeof data.namespace === 'string' ? data.namespace : undefined;
    const mode = args.mode;
    if (mode === 'off') {
      if (namespace === undefined) this.settings.clear();
      else this.settings.delete(namespace);
      return { ok: 1 };
    }
    let remaining: number;
    if (mode === 'alwaysOn') remaining = Infinity;
    else if (isPlainObject(mode) && typeof mode.times === 'number' && mode.times >= 0) remaining = mode.times;
    else throw badValue("mode must be 'off', 'alwaysOn' or { times: n }");
    const setting: Setting = {
      commands: new Set(Array.isArray(data.failCommands) ? data.failCommands.map(String) : []),
      errorCode: typeof data.errorCode === 'number' ? data.errorCode : 0,
      appName: typeof data.appName === 'string' ? data.appName : undefined,
      remaining,
    };
    if (setting.remaining > 0 && (setting.commands.size === 0 || !setting.errorCode)) throw badValue('failCommand needs data.failCommands and data.errorCode');
    this.settings.set(namespace ?? ANY, setting);
    return { ok: 1 };
  }

  /** The error this command must fail with, if a fail point is set for it (counts one use). */
  check(name: string, ns: string, appName: string | undefined): CommandError | undefined {
    for (const key of [ns, ANY]) {
      const s = this.settings.get(key);
      if (!s || s.remaining <= 0 || !s.commands.has(name)) continue;
      // A setting is kept under its namespace (or ANY), so the key already matched it to `ns`.
      if (s.appName !== undefined && s.appName !== appName) continue;
      s.remaining -= 1;
      const codeName = CODE_NAMES[s.errorCode] ?? 'FailPoint';
      return new CommandError(s.errorCode, codeName, `Failing command ${name} via 'failCommand' failpoint`);
    }
    return undefined;
  }
}
