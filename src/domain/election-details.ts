/**
 * What an agency asks of an election incident besides where it happened (DESIGN, "Who handles
 * what"): who did it (a candidate's conduct goes to IEBC, an offence by anyone to ODPP, a public
 * officer's misuse of resources to EACC) and, for hate speech, where it was said or spread (NCIC
 * asks whether at a rally, on air, online or in print). Codes only; the words are in the locales.
 */
export const ELECTION_ACTORS = ['candidate', 'agents', 'officials', 'police', 'officers', 'other'] as const;
export type ElectionActor = (typeof ELECTION_ACTORS)[number];

export const HATE_CHANNELS = ['rally', 'radio_tv', 'online', 'print', 'sms', 'other'] as const;
export type HateChannel = (typeof HATE_CHANNELS)[number];

/** Who did it: a kind tapped, or the reporter's own words ("the MCA aspirant's youths"). */
export interface Perpetrator {
  kind?: ElectionActor;
  words?: string;
}

export const isElectionActor = (v: string): v is ElectionActor => (ELECTION_ACTORS as readonly string[]).includes(v);
export const isHateChannel = (v: string): v is HateChannel => (HATE_CHANNELS as readonly string[]).includes(v);

/** Spread on air, online or by text: at no polling station (a rally, leaflets or posters, or "other" may be at one). */
export const spreadAway = (channel: HateChannel | undefined): boolean => channel === 'radio_tv' || channel === 'online' || channel === 'sms';
