/**
 * MongoDB's `failCommand` fail point (a test command of real servers started with
 * enableTestCommands): `{ configureFailPoint: 'failCommand', mode: { times: n } | 'alwaysOn' | 'off',
 * data: { failCommands: [...], errorCode, namespace?, appName? } }`. `namespace` ('db.collection')
 * limits it to commands on that collection, so one test file's fail point never fails another
 * file's commands on the shared server; `appName` to clients that gave that name in their handshake. Lets a test see what the app does when MongoDB gives
 * up on a command (MaxTimeMSExpired, say), which an in-memory store never does on its own.
 */
import { badValue, CommandError } from './errors';
import { isPlainObject, type Doc } from './values';

// The names MongoDB gives the codes tests are likely to ask for; others read 'FailPoint'.
const CODE_NAMES: Record<number, string> = { 50: 'MaxTimeMSExpired', 91: 'ShutdownInProgress', 11600: 'InterruptedAtShutdown', 262: 'ExceededTimeLimit' };

export class FailPoints {
  private commands = new Set<string>();
  private errorCode = 0;
  private appName: string | undefined;
  private namespace: string | undefined;
  /** Failures left; Infinity for alwaysOn. */
  private remaining = 0;

  configure(args: Doc): Doc {
    if (args.configureFailPoint !== 'failCommand') throw badValue(`unknown fail point '${String(args.configureFailPoint)}'`);
    const mode = args.mode;
    if (mode === 'off') this.remaining = 0;
    else if (mode === 'alwaysOn') this.remaining = Infinity;
    else if (isPlainObject(mode) && typeof mode.times === 'number' && mode.times >= 0) this.remaining = mode.times;
    else throw badValue("mode must be 'off', 'alwaysOn' or { times: n }");
    const data = isPlainObject(args.data) ? args.data : {};
    this.commands = new Set(Array.isArray(data.failCommands) ? data.failCommands.map(String) : []);
    this.errorCode = typeof data.errorCode === 'number' ? data.errorCode : 0;
    this.appName = typeof data.appName === 'string' ? data.appName : undefined;
    this.namespace = typeof data.namespace === 'string' ? data.namespace : undefined;
    if (this.remaining > 0 && (this.commands.size === 0 || !this.errorCode)) throw badValue('failCommand needs data.failCommands and data.errorCode');
    return { ok: 1 };
  }

  /** The error this command must fail with, if the fail point is set for it (counts one use). */
  check(name: string, ns: string, appName: string | undefined): CommandError | undefined {
    if (this.remaining <= 0 || !this.commands.has(name)) return undefined;
    if (this.appName !== undefined && this.appName !== appName) return undefined;
    if (this.namespace !== undefined && this.namespace !== ns) return undefined;
    this.remaining -= 1;
    const codeName = CODE_NAMES[this.errorCode] ?? 'FailPoint';
    return new CommandError(this.errorCode, codeName, `Failing command ${name} via 'failCommand' failpoint`);
  }
}
