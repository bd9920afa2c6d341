/** Shape of data/help-numbers.json, which operators keep up to date (sources noted in the file). */
export interface HelpNumber {
  /** Every number that reaches this one service (999, 112 and 911 all reach the police, ambulance and fire). */
  numbers: string[];
  /** i18n key describing the service, e.g. "help.police_emergency". */
  labelKey: string;
  /** Shown for every danger report, or only for these categories. */
  categories?: string[];
}

export function numbersFor(all: readonly HelpNumber[], category: string): HelpNumber[] {
  return all.filter((n) => !n.categories || n.categories.includes(category));
}
