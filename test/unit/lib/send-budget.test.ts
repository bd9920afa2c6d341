import { retryAfterOf, sendPaced, type SendBudget, type SendRequest } from '../../../src/lib/send-budget';

/** A budget that grants at once, records pauses, and can be made unreachable. */
function fakeBudget(opts: { down?: boolean; waits?: number[] } = {}) {
  const pauses: number[] = [];
  const waits = [...(opts.waits ?? [])];
  const budget: SendBudget = {
    async take(req: SendRequest) {
      if (opts.down) throw new Error('Stream isn\'t writeable');
      const wait = waits.shift() ?? 0;
      return { waitMs: wait ? 1 : 0, etaMs: wait, since: req.since || 1 };
    },
    async pause(ms) {
      if (opts.down) throw new Error('Stream isn\'t writeable');
      pauses.push(ms);
      return 'all' as const;
    },
    async leave() {},
    async tellOnce() {
      return true;
    },
  };
  return { budget, pauses };
}

const tooMany = (seconds: number) => Object.assign(new Error(`429: Too Many Requests: retry after ${seconds}`), { code: 429, parameters: { retry_after: seconds } });

describe('sendPaced', () => {
  it('pauses the budget for retry_after on a 429 and sends again, once', async () => {
    const { budget, pauses } = fakeBudget();
    const send = jest.fn().mockRejectedValueOnce(tooMany(3)).mockResolvedValueOnce('ok');
    await expect(sendPaced(budget, { lane: 'report' }, send)).resolves.toBe('ok');
    expect(send).toHaveBeenCalledTimes(2);
    expect(pauses).toEqual([3000]);
  });

  it('sends an answer again when the connection was lost before Telegram answered, at most as often as asked', async () => {
    const { budget } = fakeBudget();
    const reset = () => Object.assign(new Error('request to http://127.0.0.1/sendMessage failed, reason: socket hang up'), { code: 'ECONNRESET' });
    const twice = jest.fn().mockRejectedValueOnce(reset()).mockRejectedValueOnce(reset()).mockResolvedValueOnce('ok');
    await expect(sendPaced(budget, { lane: 'report', resendOnLostConnection: 2 }, twice)).resolves.toBe('ok');
    expect(twice).toHaveBeenCalledTimes(3);
    const always = jest.fn().mockRejectedValue(reset());
    await expect(sendPaced(budget, { lane: 'report', resendOnLostConnection: 2 }, always)).rejects.toThrow('socket hang up');
    expect(always).toHaveBeenCalledTimes(3);
  });

  it('does not send again after an error that is not a 429 (the message may have arrived)', async () => {
    const { budget } = fakeBudget();
    const send = jest.fn().mockRejectedValue(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await expect(sendPaced(budget, { lane: 'report' }, send)).rejects.toThrow('socket hang up');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends unpaced when the budget cannot be reached, rather than leave the reporter in silence', async () => {
    const { budget } = fakeBudget({ down: true });
    const onBudgetError = jest.fn();
    const send = jest.fn().mockResolvedValue('ok');
    await expect(sendPaced(budget, { lane: 'urgent', onBudgetError }, send)).resolves.toBe('ok');
    expect(send).toHaveBeenCalledTimes(1);
    expect(onBudgetError).toHaveBeenCalledTimes(1);
  });

  it('tells the person once when the answer will come later than slowAfterMs', async () => {
    const { budget } = fakeBudget({ waits: [8000, 7000, 6000] });
    const onSlow = jest.fn().mockResolvedValue(undefined);
    await sendPaced(budget, { lane: 'report', onSlow, slowAfterMs: 5000 }, async () => 'ok');
    expect(onSlow).toHaveBeenCalledTimes(1);
    expect(onSlow).toHaveBeenCalledWith(8000);
  });

  it('says nothing when the wait is short', async () => {
    const { budget } = fakeBudget({ waits: [1000, 500] });
    const onSlow = jest.fn();
    await sendPaced(budget, { lane: 'report', onSlow, slowAfterMs: 5000 }, async () => 'ok');
    expect(onSlow).not.toHaveBeenCalled();
  });
});

describe('retryAfterOf', () => {
  it('reads telegraf errors and Bot API answers, and nothing else', () => {
    expect(retryAfterOf(tooMany(7))).toBe(7);
    expect(retryAfterOf({ error_code: 429, parameters: { retry_after: 2 } })).toBe(2);
    expect(retryAfterOf({ code: 429 })).toBe(1);
    expect(retryAfterOf({ code: 400 })).toBeUndefined();
    expect(retryAfterOf(new Error('boom'))).toBeUndefined();
  });
});
