import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Production starts Node with the garbage collector's settings in package.json's
 * `config.nodeFlags` (BENCHMARKS.md, issue 17: they keep the bot under 150 MB). `npm start` reads
 * them from there; the image cannot, so its entrypoint repeats them and this keeps the two equal.
 */
const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; config: { nodeFlags: string } };
const flags = pkg.config.nodeFlags.split(' ').filter(Boolean);

describe('the Node flags production starts with', () => {
  it('are passed by npm start and by the image, the same ones', () => {
    expect(flags.length).toBeGreaterThan(0);
    expect(pkg.scripts.start).toMatch(/^node \$npm_package_config_nodeFlags dist\/main\.js /);
    const entry = /^ENTRYPOINT (\[.*\])$/m.exec(readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8'));
    expect(JSON.parse(entry?.[1] ?? '[]')).toEqual(['node', ...flags, 'dist/main.js']);
  });

  it('are all accepted by this Node (one it no longer knows would stop the process at start)', () => {
    const run = spawnSync(process.execPath, [...flags, '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
