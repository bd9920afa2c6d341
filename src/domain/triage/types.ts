import type { ReportKind } from '../categories';
import type { WhenChoice } from '../incident-time';

/**
 * What the linker needs of a report: plain values, no store types, so the services can map a
 * stored report (or a fixture) onto it. Only `id`, `kind`, `category`, `county`, `createdAt` and
 * `incidentAt` are required; every text field is optional and may be in English, Swahili or both.
 */
export interface TriageReport {
  id: string;
  kind: ReportKind;
  /** A category code from src/domain/categories.ts; an unknown code is treated as "other". */
  category: string;
  /** County code 1-47. */
  county: number;
  /** When the report was stored. */
  createdAt: Date;
  /** When it happened, as the reporter chose it (see `when`). */
  incidentAt: Date;
  /** 'now' means incidentAt is an instant; 'today' | 'yesterday' | 'date' mean it is the start of a Kenyan day. Default 'now'. */
  when?: WhenChoice;
  /** The place the reporter typed (landmark, road, estate...). */
  place?: string;
  /** What happened (description.text). */
  story?: string;
  /** A vehicle plate if a form field holds one; plates are also found in place and story. */
  plate?: string;
  policeStation?: string;
  pollingStation?: string;
}

/**
 * One reason, as data: the console renders it in the agent's language (keys `triage.reason.<code>`).
 * `points` is what the reason added to (or, when negative, took from) the score.
 */
export type LinkReason =
  | { code: 'same_county'; county: number; points: number }
  /** `a` this report's county, `b` the other's: they border each other (src/domain/county-neighbours.ts). */
  | { code: 'neighbouring_county'; a: number; b: number; points: number }
  | { code: 'same_category'; category: string; points: number }
  | { code: 'related_category'; a: string; b: string; points: number }
  | { code: 'unrelated_category'; a: string; b: string; points: number }
  /** `day`: one of them gave only the day; whether the two fall on the same day (`hours` says little then). */
  | { code: 'close_in_time'; hours: number; day?: 'same' | 'other'; points: number }
  | { code: 'similar_place'; a: string; b: string; words: string[]; points: number }
  | { code: 'different_place'; a: string; b: string; points: number }
  | { code: 'different_station'; a: string; b: string; points: number }
  | { code: 'shared_plate'; plate: string; points: number }
  | { code: 'different_plates'; a: string[]; b: string[]; points: number }
  | { code: 'different_amounts'; a: number[]; b: number[]; points: number }
  | { code: 'similar_story'; similarity: number; words: string[]; points: number }
  | { code: 'same_details'; concepts: string[]; points: number };

export interface LinkCandidate {
  id: string;
  /** 0..1 (clipped); candidates at or above `threshold` only. */
  score: number;
  /** Strongest first. */
  reasons: LinkReason[];
}

export interface LinkOptions {
  /** Reports whose incident times are further apart than this are never linked. */
  windowHours: number;
  /** Smallest score returned. */
  threshold: number;
  /** Most candidates returned (strongest first). */
  limit: number;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = { windowHours: 48, threshold: 0.55, limit: 10 };
