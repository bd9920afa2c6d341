/**
 * A person named where a place is asked ("Brian Otieno", "Pastor John", "Mama Njeri"): kept as the
 * place, staff would read a person's name there, maybe the reporter's own on an anonymous report.
 * Kenya names places after people too ("Kenyatta", "Mama Lucy", "Baba Dogo"): those stay places.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTIES, TOWNS } from '../../../src/domain';
import { knownFirstName, namesAPerson } from '../../../src/domain/self-introduction';

const data = JSON.parse(readFileSync(join(__dirname, '../../../data/kenya-electoral-units.json'), 'utf8')) as { counties: { constituencies: { name: string; wards: { name: string }[] }[] }[] };

describe('a person named, not a place', () => {
  it.each(['Peter', 'Brian Otieno', 'brian otieno', 'BRIAN OTIENO', 'Grace Wanjiru', 'Hassan Abdi', 'Fatuma', 'Mohamed Ali', 'Otieno', 'Wanjiku', 'Achieng', 'Kiprop', 'Moraa', "Kang'ethe", 'Kang’ethe', 'Joseph Ng’ang’a', "Peter's", "Kang'ethe's son"])('"%s": a common Kenyan first name first', (typed) => {
    expect(namesAPerson(typed)).toBe(true);
  });

  it.each(['Mama Njeri', 'Pastor John', 'Sheikh Ali', 'Mwalimu Kamau', 'Dr Wanjiku', 'Dr. Ndegwa', 'Baba Kizito', 'Imam Odowa', 'Bishop Kiptoo', 'Reverend Nduta', 'Rev Mutiso', 'Father Kizito', 'Teacher Ndegwa', 'Doctor Nduta', 'Mr Kiptoo', 'Mrs Chebet', 'Madam Nduta', 'mama nduta', 'Pastor'])('"%s": a title before a name (a name no list knows too)', (typed) => {
    expect(namesAPerson(typed)).toBe(true);
  });
});

describe('places named after people, or with a name in them, stay places', () => {
  it.each(['Karen', 'Victoria', 'Mama Lucy', 'Mama Ngina', 'Kenyatta', 'Moi', 'Kasarani', "St Mary's", 'Ndabibi', 'Kambi ya Moto', 'Nairobi'])('"%s"', (typed) => {
    expect(namesAPerson(typed)).toBe(false);
  });

  it('no county, town, constituency or ward is read as a person, nor begins with a common first name', () => {
    const names = [
      ...COUNTIES.map((c) => c.name),
      ...TOWNS.map((t) => t.name),
      ...data.counties.flatMap((c) => c.constituencies.flatMap((k) => [k.name, ...k.wards.map((w) => w.name)])),
    ];
    expect(names.length).toBeGreaterThan(1700);
    expect(names.filter((n) => namesAPerson(n) || knownFirstName(n.split(/[\s/-]+/)[0]))).toEqual([]);
  });
});
