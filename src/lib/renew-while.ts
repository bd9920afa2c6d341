/**
 * Runs `work` while renewing a hold on what it uses every `everyMs`: a hold that lasts a fixed
 * time (so a process that died frees it) must not run out while `work` is still going, as a
 * Telegram call may last far longer than the hold (its client waits up to 500 s). Renewals never
 * overlap, and the last has ended when this returns, so a release that follows is never undone by
 * a late renewal. `renew` answering false (the hold is someone else's now) ends the renewals; a
 * renewal that fails (`onError`) is tried again at the next turn.
 */
export async function renewWhile<T>(everyMs: number, renew: () => Promise<boolean>, onError: (err: unknown) => void, work: () => Promise<T>): Promise<T> {
  let held = true;
  let renewing: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (renewing || !held) return;
    renewing = renew()
      .then((still) => void (held = still), onError)
      .finally(() => (renewing = null));
  }, Math.max(1, everyMs));
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await renewing;
  }
}
