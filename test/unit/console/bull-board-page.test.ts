/**
 * bull-board's page links web fonts from a third-party host: every supervisor opening the board
 * would tell that host when the hotline's staff are at work. The page is served without them.
 */
import { readFileSync } from 'node:fs';
import { boardJob, withoutOutsideResources } from '../../../src/console/bull-board';

const installed = readFileSync(require.resolve('@bull-board/ui/dist/index.ejs'), 'utf8');
const outside = /\b(?:href|src)\s*=\s*["']?(?:https?:)?\/\//i;

describe('bull-board page', () => {
  it('the installed page does load something from another host (else this test proves nothing)', () => {
    expect(installed).toMatch(outside);
  });

  it('is served without anything from another host, keeping its own scripts and styles', () => {
    const page = withoutOutsideResources(installed);
    expect(page).not.toMatch(outside);
    expect(page).toMatch(/<link href="static\/css\/main\.[0-9a-f]+\.css" rel="stylesheet">/);
    expect(page).toMatch(/<script defer src="static\/js\/main\.[0-9a-f]+\.js"><\/script>/);
    expect(page).toContain('<script id="__UI_CONFIG__" type="application/json"><%- uiConfig %></script>');
  });

  it('also drops outside scripts and protocol-relative links', () => {
    const page = withoutOutsideResources('<head><script src="https://cdn.example/x.js"></script><link rel=stylesheet href=//cdn.example/y.css><link href="static/a.css" rel="stylesheet"></head>');
    expect(page).toBe('<head><link href="static/a.css" rel="stylesheet"></head>');
  });
});

describe('a job as the board shows it', () => {
  it("keeps a reply's message id and run times, not how long it waited for its chat's turn", () => {
    const json = { id: 'm1', data: { kind: 'message', messageId: 'm1' }, delay: 840, attemptsStarted: 2, attemptsMade: 0, timestamp: 1, processedOn: 2, opts: { attempts: 8, delay: 840 } };
    expect(boardJob(json)).toEqual({ id: 'm1', data: { kind: 'message', messageId: 'm1' }, attemptsMade: 0, timestamp: 1, processedOn: 2, opts: { attempts: 8 } });
  });

  it('leaves a supervisors\' alert, whose wait is the group\'s, as it is', () => {
    const json = { id: 'sup-next-1', data: { kind: 'supervisors' }, delay: 30_000, opts: { delay: 30_000 } };
    expect(boardJob(json)).toBe(json);
  });
});
