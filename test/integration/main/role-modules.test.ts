import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The bot and worker roles run in their own processes in production (docker/compose.yml): the
 * console's PDF, archive and template libraries (about 5 MB of live heap, BENCHMARKS.md issue 17)
 * must not be loaded there. Loading the composition root must not load them; the console role
 * loads them when it starts (the console suites cover that).
 */
describe('what a bot or worker process loads', () => {
  it('loading the composition root does not load the console or its PDF and archive libraries', async () => {
    const script = `
      require(${JSON.stringify(join(ROOT, 'src', 'main.ts'))});
      const loaded = Object.keys(require.cache).filter((p) => /node_modules\\/(pdfkit|fontkit|yazl|eta|@bull-board)\\/|src\\/console\\//.test(p));
      console.log(JSON.stringify(loaded));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env: { PATH: process.env.PATH } });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual([]);
  });
});
