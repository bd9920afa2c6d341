import { getCategory, isCategoryCode, usualAgency, type Agency } from './categories';
import { namesOnlyOfficersNotPolice } from './category-words';

/** What the console suggests for a ticket: the agency, and whether the story says it is no police matter. */
export interface AgencyAdvice {
  suggestedAgency: Agency | undefined;
  /** A chief or county askari, not the police, did it: IPOA, which oversees the police only, would refuse it. */
  notPolice: boolean;
}

/**
 * The agency usually right for a report (`usualAgency`), read with its story: a chief or county
 * askari (kanjo) with no police beside them (a chief's askari are police: `namesOnlyOfficersNotPolice`), told in a police category (the closest the wizard
 * offers), is not IPOA's. Their bribe demand is a public officer's corruption: EACC. Other abuse of
 * their power goes to the Commission on Administrative Justice (the Ombudsman), which takes
 * complaints against public officers, national and county; a killing, rape or disappearance, to the ODPP. Only a suggestion: the agent decides.
 * Read from the stored story when the ticket is opened, so nothing is added to the intake.
 */
export function agencyAdvice(report: { category: string; perpetrator?: { kind?: string | null } | null; description?: { text?: string | null } | null }): AgencyAdvice {
  const usual = usualAgency(report.category, report.perpetrator?.kind ?? undefined);
  const story = report.description?.text;
  if (!isCategoryCode(report.category) || getCategory(report.category).kind !== 'police' || !story || !namesOnlyOfficersNotPolice(story)) return { suggestedAgency: usual, notPolice: false };
  const suggestedAgency = report.category === 'p_bribery' ? 'EACC' : CRIMES.has(report.category) ? 'ODPP' : 'CAJ';
  return { suggestedAgency, notPolice: true };
}

/** A killing, rape or disappearance is a crime the police investigate and the ODPP prosecutes, whoever did it; the Ombudsman takes abuse of office. */
const CRIMES: ReadonlySet<string> = new Set(['p_killing', 'p_sexual', 'p_disappear']);
