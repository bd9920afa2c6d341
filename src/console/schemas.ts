import { z } from 'zod';
import { AGENCIES, ROLES } from '../domain';

/**
 * What each console route accepts, as zod schemas (fastify-type-provider-zod types the handlers
 * from them). Ids in the path must look like MongoDB ids: anything else is a 404 page (see the
 * console's error handler). Form fields are lenient on purpose: a missing or non-text field
 * reads as '' and an unknown choice as undefined, so the handler answers with the same flash
 * message a person gets for an empty form, instead of a bare 400.
 */
const objectId = z.string().regex(/^[a-f0-9]{24}$/i);
/** A text form field: anything but a string reads as ''. */
const field = z.string().catch('');
/** One of `values`, or undefined for anything else. */
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/** Status choices offered on the ticket page; rejections carry their reason. */
export const STATUS_CHOICES = ['in_progress', 'waiting_reporter', 'resolved', 'rejected_spam', 'rejected_duplicate'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

export const ticketParams = z.object({ id: objectId });
export const evidenceParams = z.object({ id: objectId, n: z.coerce.number().int().min(0).max(1000) });
export const messageMediaParams = z.object({ id: objectId, mid: objectId });

export const textForm = z.object({ text: field });
/** A reply, with the key of the draft it was written in (a second send of it is the same reply). */
/** `identity_ok`: the agent confirmed a reply that asks an anonymous reporter who they are. */
export const replyForm = z.object({ text: field, key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional().catch(undefined), identity_ok: z.literal('1').optional().catch(undefined) });
/** Who held the ticket on the page the form came from: an id, '' for nobody; absent (or odd) for a form without it. */
const held = z.union([objectId, z.literal('')]).optional().catch(undefined);
export const statusForm = z.object({ status: choice(STATUS_CHOICES), note: field, held });
export const referForm = z.object({ agency: choice(AGENCIES), note: field, other: field, held });
export const releaseForm = z.object({ held });
/** How every report of an incident may be closed at once: the resolutions one close offers. */
export const CLOSE_CHOICES = ['resolved', 'rejected_spam', 'rejected_duplicate'] as const satisfies readonly StatusChoice[];
/** `confirm`: sent from the confirm step, which said how many reports it changes; without it, that step is shown. */
const confirm = z.literal('1').optional().catch(undefined);
export const incidentReferForm = z.object({ agency: choice(AGENCIES), note: field, other: field, confirm });
export const incidentCloseForm = z.object({ status: choice(CLOSE_CHOICES), note: field, confirm });
/** A supervisor's hand-over: the account to give the ticket (and its incident) to. */
export const handOverForm = z.object({ to: z.union([objectId, z.literal('')]).catch(''), held });
/** The case file: PDF or print view (anything else reads as the print view), in the chosen language. */
/** The evidence archive: only the language of its MANIFEST.txt. */
export const archiveQuery = z.object({ lang: choice(['en', 'sw'] as const) });

export const caseFileQuery = z.object({ format: z.enum(['pdf', 'html']).catch('html'), lang: choice(['en', 'sw'] as const) });

export const accountParams = z.object({ id: objectId });
export const newAccountForm = z.object({ username: field, name: field, role: choice(ROLES), password: field });
export const passwordForm = z.object({ password: field });
/** Deactivating ends the account's sessions and releases its tickets: only a plain yes or no is an answer. */
export const activeForm = z.object({ active: choice(['true', 'false'] as const) });
