/**
 * SECURITY.md is the threat model the reporters' safety decisions follow from; README's
 * "Security and privacy" section is its short form. This keeps the two from drifting apart on
 * what matters most: who is considered, and what Ripoti does not protect.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
/** Line breaks in the Markdown do not matter to a reader. */
const read = (name: string) => readFileSync(join(root, name), 'utf8').replace(/[ \t]*\n[ \t]*(?![#\n-])/g, ' ');

describe('SECURITY.md', () => {
  const security = read('SECURITY.md');
  const readme = read('README.md');
  const readmeSection = readme.slice(readme.indexOf('## Security and privacy'), readme.indexOf('\n## ', readme.indexOf('## Security and privacy') + 1));

  it('names every attacker the hotline plans for', () => {
    for (const who of ['Police officers who are reported', 'Political actors', 'Curious, careless or bribed staff', 'A thief with a database dump', "Someone with the server's Redis"]) {
      expect(security).toContain(`### ${who}`);
    }
  });

  it('says how to report a vulnerability', () => {
    expect(security).toMatch(/^## Reporting a vulnerability$/m);
    expect(security).toContain('private vulnerability reporting');
  });

  it('is linked from README, and both say what is not protected', () => {
    expect(readmeSection).toContain('(SECURITY.md)');
    for (const doc of [security, readmeSection]) {
      expect(doc).toContain('Telegram itself knows who talked to the bot');
      expect(doc).toMatch(/`\/metrics`, `\/healthz` and `\/readyz` need no sign-in/);
      expect(doc).toMatch(/in clear/);
    }
  });
});
