/** A reporter asking whether it is safe, or who will see the report: answered, never "sijaelewa" or a bare menu. */
import { asksWhoSees } from '../../../src/domain';

describe('asksWhoSees', () => {
  it.each([
    'ni salama?',
    'ni salama kuripoti hapa?',
    'nani ataona?',
    'nani ataona ripoti yangu?',
    'nani atasoma hii',
    'polisi wataona jina langu?',
    'karao watajua ni mimi?',
    'jina langu litaonekana?',
    'nyinyi ni polisi?',
    'is it safe to report here?',
    'who will see this?',
    'will the police know?',
  ])('%j asks', (text) => expect(asksWhoSees(text)).toBe(true));

  it.each([
    // The danger question's "no" ("ni salama", "wako salama sasa"), a story that names the police knowing, a long account.
    'ni salama',
    'wako salama sasa',
    'niko salama',
    'polisi watajua tu',
    'walinipiga wakasema polisi wataona moto kama nitaripoti na sasa naogopa kwenda nyumbani kwa sababu wanajua ninapoishi?',
    'askari walinipora simu',
  ])('%j does not', (text) => expect(asksWhoSees(text)).toBe(false));
});
