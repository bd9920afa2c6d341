import { isCategoryCode, getCategory } from '../categories';

export type CategoryRelation = 'same' | 'related' | 'unrelated';

/**
 * Pairs of categories that two people can honestly pick for ONE event. Decided, not learned:
 * - police bribery ~ voter bribery: officers handing out money near a polling station, or a
 *   voter paid at a police post, is filed under either kind; police bribery ~ threats ("pay or
 *   we impound the car"), ~ arrest and ~ unlawful release (money demanded for a release);
 * - voter bribery ~ misuse of public resources: handouts from a government vehicle or office;
 * - force ~ killing, force ~ arrest, arrest ~ disappearance, arrest ~ unlawful release: one
 *   event seen at different moments (beaten then died; arrested then not seen again);
 * - force / threats by police ~ election violence: police breaking up a crowd at a polling
 *   station; threats ~ force (a threat carried out); hate speech ~ election violence (incitement
 *   and the attack that followed);
 * - tampering ~ polling irregularities ~ personation: what voters see at a station is often the
 *   same irregularity named three ways;
 * - sexual abuse ~ force and ~ arrest (abuse in custody).
 * Not related, for example: police bribery ~ ballot tampering. "Other" relates to every category
 * of its own kind, because people choose it when unsure.
 */
const RELATED: readonly (readonly [string, string])[] = [
  ['p_bribery', 'e_bribery'],
  ['p_bribery', 'p_release'],
  ['p_bribery', 'p_arrest'],
  ['p_bribery', 'p_threats'],
  ['e_bribery', 'e_resources'],
  ['p_force', 'p_killing'],
  ['p_force', 'p_arrest'],
  ['p_force', 'p_threats'],
  ['p_force', 'e_violence'],
  ['p_threats', 'e_violence'],
  ['p_killing', 'e_violence'],
  ['p_arrest', 'p_disappear'],
  ['p_arrest', 'p_release'],
  ['p_sexual', 'p_force'],
  ['p_sexual', 'p_arrest'],
  ['e_hate', 'e_violence'],
  ['e_tamper', 'e_polling'],
  ['e_tamper', 'e_personation'],
  ['e_personation', 'e_polling'],
];

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const related = new Set(RELATED.map(([a, b]) => key(a, b)));

const kindOf = (code: string) => (isCategoryCode(code) ? getCategory(code).kind : code.startsWith('e_') ? 'election' : 'police');
const isOther = (code: string) => !isCategoryCode(code) || code.endsWith('_other');

/** Symmetric: relation(a, b) === relation(b, a). */
export function categoryRelation(a: string, b: string): CategoryRelation {
  if (a === b) return 'same';
  if (related.has(key(a, b))) return 'related';
  if ((isOther(a) || isOther(b)) && kindOf(a) === kindOf(b)) return 'related';
  return 'unrelated';
}
