/**
 * A long report (ten paragraphs in Kiswahili, with photos) on a 1366x768 laptop: the story used
 * to run 1,700 px down the page, so the photos, the card for the agency (where the case file is
 * after a referral) and who the reporter is were found only by scrolling past all of it. The
 * story now scrolls in its own box, which the keyboard reaches and a screen reader names; a short
 * story is shown whole, as before.
 */
import type { Browser } from 'playwright-core';
import { consoleInChromium, PASSWORD, type ConsoleHarness } from '../../support/console-harness';
import { seedReport } from '../../support/report-fixtures';
import { signIn } from '../../support/browser';

const env = consoleInChromium({ label: 'console-long-story' });
let h: ConsoleHarness;
let browser: Browser;
beforeAll(() => {
  h = env.h();
  browser = env.browser();
});

const PARAGRAPH = 'Jana usiku polisi watatu wa kituo cha Kondele walifika nyumbani kwetu bila kibali, wakampiga kaka yangu kwa rungu na kumchukua kwa gari la GK 456B. Tulipoenda kituoni walituambia tulipe shilingi elfu kumi ndio aachiliwe. Majirani waliona kila kitu.';

it('a long story scrolls in its own named, focusable box; the evidence and the reporter are on the second screen, not the fourth', async () => {
  const agent = await h.account('wanjiku', 'agent');
  const held = async (text: string) => {
    const { report } = await seedReport(h.store, { language: 'sw', category: 'p_force', description: { text } });
    expect(await h.store.reports.transition(report._id, 'assigned', { kind: 'agent', agentId: agent._id.toString() }, { assignee: agent._id.toString() })).not.toBeNull();
    return report._id.toString();
  };
  const long = await held(Array.from({ length: 10 }, (_, i) => `${i + 1}. ${PARAGRAPH}`).join('\n\n'));
  const short = await held(PARAGRAPH);

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-KE' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, h.base, 'wanjiku', PASSWORD);
  await page.getByRole('button', { name: 'Kiswahili' }).click();
  await page.locator('html[lang="sw"]').waitFor({ state: 'attached' });

  await page.goto(`${h.base}/tickets/${long}`);
  const top = (name: string | RegExp) => page.getByRole('heading', { name, exact: true }).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(await top(/^Ushahidi/)).toBeLessThan(2 * 768);
  expect(await top('Mripoti')).toBeLessThan(2 * 768);
  // All of it is still there to read: the box scrolls, from the keyboard too, and says what it is.
  const story = page.getByRole('region', { name: 'Kilichotokea' });
  await expect(story.textContent()).resolves.toContain('10. Jana usiku');
  expect(await story.evaluate((el) => el.scrollHeight > el.clientHeight + 100)).toBe(true);
  await story.focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="story"]')!;
    return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
  });

  // A short story is not boxed: no extra stop for the keyboard.
  await page.goto(`${h.base}/tickets/${short}`);
  expect(await page.getByTestId('story').getAttribute('tabindex')).toBeNull();
  await context.close();
}, 60_000);
