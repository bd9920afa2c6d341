import { KeyedSerial } from '../../../src/lib/keyed-serial';

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('KeyedSerial', () => {
  it('runs tasks of one key in order, one at a time', async () => {
    const serial = new KeyedSerial<number>();
    const log: string[] = [];
    const first = deferred();
    const a = serial.run(1, async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
    });
    const b = serial.run(1, async () => {
      log.push('b');
    });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.resolve();
    await Promise.all([a, b]);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('runs different keys concurrently', async () => {
    const serial = new KeyedSerial<string>();
    const blocker = deferred();
    const slow = serial.run('x', () => blocker.promise);
    await expect(serial.run('y', async () => 'y done')).resolves.toBe('y done');
    blocker.resolve();
    await slow;
  });

  it('a failed task rejects its caller but does not block the next task, and idle keys are dropped', async () => {
    const serial = new KeyedSerial<number>();
    const failing = serial.run(7, async () => {
      throw new Error('boom');
    });
    const next = serial.run(7, async () => 'after');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(serial.size).toBe(0);
  });
});
