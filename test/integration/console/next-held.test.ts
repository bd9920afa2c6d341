/**
 * The "j" shortcut (`/queue/next-held`): from the ticket an agent is reading, the next one with a
 * reply they have not read, else the next in "My tickets" order.
 */
import { createConsoleHarness, type ConsoleHarness } from '../../support/console-harness';
import { reportInput, reporter } from '../../support/tickets-harness';

let h: ConsoleHarness;

beforeAll(async () => {
  h = await createConsoleHarness({ label: 'console-next-held' });
  await h.account('nekesa', 'agent');
});

afterAll(async () => {
  await h?.close();
});

it('goes to the next unread reply even when opening this ticket moved it down the list, then round in order', async () => {
  const b = h.browser();
  await b.signIn('nekesa');
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const who = await reporter(h.store);
    const { report } = await h.reports.submit(reportInput(who._id));
    ids.push(report._id.toString());
    expect((await b.post('/queue/take')).headers.location).toBe(`/tickets/${ids[i]}`);
    await b.get(`/tickets/${ids[i]}`);
  }
  const [a, bTicket, c] = ids;
  // The reporters of A and C write back; the agent opens A, which is read now and goes below C.
  await h.store.messages.addIncoming(a, { text: 'They came back' });
  await h.store.messages.addIncoming(c, { text: 'Niko salama sasa' });
  await b.get(`/tickets/${a}`);
  const next = async (after: string) => (await b.get(`/queue/next-held?after=${after}`)).headers.location;
  expect(await next(a)).toBe(`/tickets/${c}`);
  await b.get(`/tickets/${c}`);
  // Nothing unread: the ticket after this one in the list, and round to the first.
  const order = [a, bTicket, c];
  expect(await next(c)).toBe(`/tickets/${order[(order.indexOf(c) + 1) % 3]}`);
  expect(await next(bTicket)).toBe(`/tickets/${order[(order.indexOf(bTicket) + 1) % 3]}`);
});
