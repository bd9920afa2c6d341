/** The per-chat line of messages that lets an update be acknowledged before its answer waits out the budget. */
import { AnswerLines, SENT_LATER } from '../../../src/bot/transport';

/** A send that waits for `go` and records when it went. */
function gated(sent: string[], name: string, opts: { longWait?: boolean; fail?: boolean } = {}) {
  let go: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (go = resolve));
  const send = async (longWait: () => void) => {
    if (opts.longWait) longWait();
    await gate;
    if (opts.fail) throw new Error(`${name} refused`);
    sent.push(name);
    return name;
  };
  return { send, go: () => go() };
}

describe('AnswerLines', () => {
  it('gives the caller the result when the message goes without a long wait', async () => {
    const lines = new AnswerLines();
    const sent: string[] = [];
    const a = gated(sent, 'a');
    const result = lines.run(1, a.send, () => undefined);
    a.go();
    await expect(result).resolves.toBe('a');
  });

  it('lets the caller go on when the message will wait long, and keeps the chat’s order behind it', async () => {
    const lines = new AnswerLines();
    const sent: string[] = [];
    const late: unknown[] = [];
    const a = gated(sent, 'a', { longWait: true });
    const b = gated(sent, 'b');
    const other = gated(sent, 'other chat');
    await expect(lines.run(1, a.send, (err) => late.push(err))).resolves.toBe(SENT_LATER);
    // Behind a message sent later: sent later too, after it, even though it is ready first.
    const second = lines.run(1, b.send, (err) => late.push(err));
    b.go();
    await expect(second).resolves.toBe(SENT_LATER);
    // Another chat is not held by this one's line.
    const third = lines.run(2, other.send, () => undefined);
    other.go();
    await expect(third).resolves.toBe('other chat');
    expect(sent).toEqual(['other chat']);
    a.go();
    await lines.drain();
    expect(sent).toEqual(['other chat', 'a', 'b']);
    expect(late).toEqual([]);
  });

  it('hands an error to the caller before the release, and to the log after it', async () => {
    const lines = new AnswerLines();
    const sent: string[] = [];
    const late: unknown[] = [];
    const early = gated(sent, 'early', { fail: true });
    const result = lines.run(1, early.send, (err) => late.push(err));
    early.go();
    await expect(result).rejects.toThrow('early refused');
    const after = gated(sent, 'after', { longWait: true, fail: true });
    await expect(lines.run(1, after.send, (err) => late.push(err))).resolves.toBe(SENT_LATER);
    after.go();
    await lines.drain();
    expect(late.map((e) => (e as Error).message)).toEqual(['after refused']);
  });
});
