import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ElectoralUnits } from '../../domain';

let loaded: ElectoralUnits | undefined;

/**
 * IEBC's constituencies and wards (data/kenya-electoral-units.json), read once on first use and
 * kept: the wizard stays a function of its inputs, since the list never changes while running.
 * The path holds from src/bot/wizard and from dist/bot/wizard alike.
 */
export function electoralUnits(): ElectoralUnits {
  loaded ??= ElectoralUnits.fromData(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'kenya-electoral-units.json'), 'utf8')) as unknown);
  return loaded;
}
