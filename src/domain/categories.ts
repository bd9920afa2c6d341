import type { Priority } from './priority';

export const REPORT_KINDS = ['police', 'election'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** CAJ: the Commission on Administrative Justice (the Ombudsman), for public officers' abuse of power, chiefs and county askari among them (`agencyAdvice`). */
export const AGENCIES = ['IPOA', 'ODPP', 'IEBC', 'NCIC', 'NPS_IA', 'EACC', 'CAJ', 'OTHER'] as const;
export type Agency = (typeof AGENCIES)[number];

/** The name an agent typed for "another agency"; none for a listed one (its code names it). */
export function otherAgencyName(agency: Agency | null | undefined, referral: { name?: string } | null | undefined): string | undefined {
  return agency === 'OTHER' && referral?.name ? referral.name : undefined;
}

export interface Category {
  code: string;
  kind: ReportKind;
  defaultPriority: Priority;
  /** Where such a case is usually referred (police misconduct: IPOA; election offences, ballot tampering among them: ODPP; polling administration: IEBC; hate speech: NCIC); the console suggests it, the agent decides. */
  agency: Agency;
}

/** Codes are short because they travel in Telegram callback_data (64 bytes at most). */
export const CATEGORIES = [
  { code: 'p_bribery', kind: 'police', defaultPriority: 3, agency: 'IPOA' },
  { code: 'p_force', kind: 'police', defaultPriority: 2, agency: 'IPOA' },
  { code: 'p_arrest', kind: 'police', defaultPriority: 2, agency: 'IPOA' },
  { code: 'p_release', kind: 'police', defaultPriority: 3, agency: 'IPOA' },
  { code: 'p_killing', kind: 'police', defaultPriority: 2, agency: 'IPOA' },
  { code: 'p_disappear', kind: 'police', defaultPriority: 2, agency: 'IPOA' },
  { code: 'p_sexual', kind: 'police', defaultPriority: 2, agency: 'IPOA' },
  { code: 'p_threats', kind: 'police', defaultPriority: 3, agency: 'IPOA' },
  { code: 'p_other', kind: 'police', defaultPriority: 4, agency: 'NPS_IA' },
  { code: 'e_bribery', kind: 'election', defaultPriority: 3, agency: 'ODPP' },
  { code: 'e_violence', kind: 'election', defaultPriority: 2, agency: 'ODPP' },
  { code: 'e_hate', kind: 'election', defaultPriority: 3, agency: 'NCIC' },
  { code: 'e_tamper', kind: 'election', defaultPriority: 2, agency: 'ODPP' },
  { code: 'e_personation', kind: 'election', defaultPriority: 3, agency: 'ODPP' },
  { code: 'e_resources', kind: 'election', defaultPriority: 4, agency: 'EACC' },
  { code: 'e_polling', kind: 'election', defaultPriority: 3, agency: 'IEBC' },
  { code: 'e_other', kind: 'election', defaultPriority: 4, agency: 'IEBC' },
] as const satisfies readonly Category[];

export type CategoryCode = (typeof CATEGORIES)[number]['code'];

const byCode = new Map<string, Category>(CATEGORIES.map((c) => [c.code, c]));

export function isReportKind(s: unknown): s is ReportKind {
  return s === 'police' || s === 'election';
}

export function isCategoryCode(s: unknown): s is CategoryCode {
  return typeof s === 'string' && byCode.has(s);
}

export function getCategory(code: CategoryCode): Category {
  const c = byCode.get(code);
  if (!c) throw new Error(`unknown category ${code}`);
  return c;
}

export function categoriesOf(kind: ReportKind): Category[] {
  return CATEGORIES.filter((c) => c.kind === kind);
}

export function isAgency(s: unknown): s is Agency {
  return typeof s === 'string' && (AGENCIES as readonly string[]).includes(s);
}

/** "Someone is in danger right now" outranks every category. */
export function priorityFor(category: CategoryCode, dangerNow: boolean): Priority {
  return dangerNow ? 1 : getCategory(category).defaultPriority;
}

/**
 * Whether waiting too long raised this waiting ticket's priority. The SLA raises one step at a
 * time and never above High (src/domain/priority.ts `escalate`): an Urgent ticket, or one High
 * from the start, waited too long and kept its priority.
 */
export function raisedByWaiting(t: { priority: number; escalations?: number | null; category: CategoryCode }): boolean {
  return Boolean(t.escalations) && t.priority !== 1 && getCategory(t.category).defaultPriority > t.priority;
}

/** Election incidents that, done by police officers, are police misconduct first (IPOA oversees the police). */
const POLICE_MISCONDUCT_AT_ELECTIONS: ReadonlySet<string> = new Set(['e_violence', 'e_other']);

/**
 * The agency that usually handles this case: its category's, except violence or intimidation at
 * an election that the reporter says police officers did: IPOA, not ODPP or IEBC.
 */
export function usualAgency(category: string, doneBy?: string): Agency | undefined {
  if (!isCategoryCode(category)) return undefined;
  return doneBy === 'police' && POLICE_MISCONDUCT_AT_ELECTIONS.has(category) ? 'IPOA' : getCategory(category).agency;
}
