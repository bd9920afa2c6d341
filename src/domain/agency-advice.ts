import { getCategory, isCategoryCode, usualAgency, type Agency } from './categories';
import { notPoliceNamed } from './category-words';

/** What the console suggests for a ticket: the agency, and whether the story says it is no police matter. */
export interface AgencyAdvice {
  suggestedAgency: Agency | undefined;
  /** A chief, county askari or private guard, not the police, did it: IPOA, which oversees the police only, would refuse it. */
  notPolice: boolean;
  /** The one who did it was a private guard or watchman (`notPoliceNamed`), said so beside the agencies. */
  privateGuards?: true;
}

/**
 * The agency usually right for a report (`usualAgency`), read with its story: a chief or county
 * askari (kanjo), or a private guard, with no police beside them (`notPoliceNamed`: a chief's askari
 * are police), told in a police category (the closest the wizard offers), is not IPOA's. A chief's or
 * kanjo's bribe demand is a public officer's corruption: EACC. Other abuse of their power goes to the
 * Commission on Administrative Justice (the Ombudsman), which takes complaints against public
 * officers, national and county; a killing, rape or disappearance, to the ODPP. Only a suggestion: the agent decides.
 * Read from the stored story when the ticket is opened, so nothing is added to the intake.
 */
export function agencyAdvice(report: { category: string; perpetrator?: { kind?: string | null } | null; description?: { text?: string | null } | null }): AgencyAdvice {
  const usual = usualAgency(report.category, report.perpetrator?.kind ?? undefined);
  const story = report.description?.text;
  const who = isCategoryCode(report.category) && getCategory(report.category).kind === 'police' && story ? notPoliceNamed(story) : undefined;
  if (!who) return { suggestedAgency: usual, notPolice: false };
  if (who === 'guards') return { suggestedAgency: guardsAgency(report.category), notPolice: true, privateGuards: true };
  const suggestedAgency = report.category === 'p_bribery' ? 'EACC' : CRIMES.has(report.category) ? 'ODPP' : 'CAJ';
  return { suggestedAgency, notPolice: true };
}

/**
 * A private guard is neither police nor a public officer: no overseer the project lists (IPOA, the
 * Ombudsman, EACC) takes them. What they can be reported for here (a beating, a theft, threats, being
 * locked in, rape) is a crime the police investigate and the ODPP prosecutes, so the ODPP; rudeness
 * (`p_other`) is no one's, and the agent chooses. The Private Security Regulatory Authority is not among
 * the agencies the project refers to.
 */
function guardsAgency(category: string): Agency | undefined {
  return category === 'p_other' ? undefined : 'ODPP';
}

/** A killing, rape or disappearance is a crime the police investigate and the ODPP prosecutes, whoever did it; the Ombudsman takes abuse of office. */
const CRIMES: ReadonlySet<string> = new Set(['p_killing', 'p_sexual', 'p_disappear']);
