import { checkText, LIMITS, matchCounty, parseIncidentDate } from '../../domain';
import type { Draft, MediaRef } from '../session';
import { setCounty } from './buttons';
import { REPLY_KEYBOARD_STEPS } from './flow';
import { formatDay } from './format';
import type { Turn } from './turn';
import type { WizardInput } from './types';

type MessageInput = Extract<WizardInput, { type: 'text' | 'command' | 'media' | 'location' | 'contact' | 'other' }>;

const MB = 1024 * 1024;

/** A message (not a button) while a draft is open. */
export function onMessage(turn: Turn, input: MessageInput): void {
  const d = turn.draft;
  if (!d) return;
  switch (input.type) {
    case 'text':
      if (REPLY_KEYBOARD_STEPS.includes(d.step) && input.label === 'back') return turn.back(d);
      if (REPLY_KEYBOARD_STEPS.includes(d.step) && input.label === 'cancel') return turn.cancel();
      return onText(turn, d, input.text);
    case 'command':
      turn.say('wizard.unknown_command');
      return turn.show();
    case 'media':
      return onMedia(turn, d, input.media, input.caption);
    case 'location':
      if (d.step !== 'place') return unexpected(turn, d);
      d.location = { lat: input.lat, lon: input.lon };
      d.place = undefined;
      turn.say('place.location_noted', undefined, { keyboard: { type: 'remove' } });
      return turn.advance(d);
    case 'contact':
      if (d.step !== 'contact') return unexpected(turn, d);
      // Only the sender's own number: a forwarded or picked contact would identify someone else.
      if (!input.own) return turn.say('contact.not_yours', undefined, { keyboard: { type: 'contact' } });
      d.phone = input.phone;
      d.anonymous = false;
      turn.say('contact.thanks', undefined, { keyboard: { type: 'remove' } });
      return turn.go('review');
    default:
      return unexpected(turn, d);
  }
}

function unexpected(turn: Turn, d: Draft): void {
  turn.say(`unexpected.${d.step}`);
  return turn.show();
}

function onMedia(turn: Turn, d: Draft, media: MediaRef, caption?: string): void {
  const asEvidence = d.step === 'ev' || (d.step === 'desc' && media.kind === 'voice');
  if (asEvidence && media.size !== undefined && media.size > LIMITS.evidenceMaxBytes) {
    turn.say('ev.too_big', { mb: LIMITS.evidenceMaxBytes / MB });
    return turn.show();
  }
  if (d.step === 'desc' && media.kind === 'voice') {
    if ((media.durationSec ?? 0) > LIMITS.voiceMaxSeconds) {
      turn.say('desc.voice_too_long', { minutes: LIMITS.voiceMaxSeconds / 60 });
      return turn.show();
    }
    d.voice = media;
    d.text = undefined;
    turn.say('desc.voice_received');
    return turn.advance(d);
  }
  if (d.step !== 'ev') return unexpected(turn, d);
  const list = (d.evidence ??= []);
  if (list.length >= LIMITS.evidenceMaxItems) {
    return turn.say('ev.full', { max: LIMITS.evidenceMaxItems }, { keyboard: { type: 'evidence', draftId: d.id, count: list.length } });
  }
  list.push(caption ? { ...media, caption: caption.slice(0, 1024) } : media);
  turn.say('ev.count', { count: list.length, max: LIMITS.evidenceMaxItems }, { keyboard: { type: 'evidence', draftId: d.id, count: list.length } });
}

function onText(turn: Turn, d: Draft, input: string): void {
  switch (d.step) {
    case 'desc': {
      const check = checkText(input, LIMITS.descriptionMaxChars);
      if (!check.ok) {
        turn.say(`desc.${check.reason}`, { max: check.max, length: [...input.trim()].length });
        return turn.show();
      }
      d.text = check.text;
      d.voice = undefined;
      return turn.advance(d);
    }
    case 'county': {
      const m = matchCounty(input);
      if (m.kind === 'exact') return setCounty(turn, d, m.county.code);
      const page = d.countyPage ?? 0;
      if (m.kind === 'suggest') return turn.say('county.suggest', { county: m.county.name }, { keyboard: { type: 'county', draftId: d.id, page, suggestion: m.county.code } });
      return turn.say('county.unknown', undefined, { keyboard: { type: 'county', draftId: d.id, page } });
    }
    case 'place': {
      const check = checkText(input, LIMITS.placeMaxChars);
      if (!check.ok) {
        turn.say(`place.${check.reason}`, { max: check.max });
        return turn.show();
      }
      d.place = check.text;
      d.location = undefined;
      turn.say('place.noted', undefined, { keyboard: { type: 'remove' } });
      return turn.advance(d);
    }
    case 'when':
      return onDate(turn, d, input);
    case 'contact':
      return turn.say('contact.use_button', undefined, { keyboard: { type: 'contact' } });
    default:
      return unexpected(turn, d);
  }
}

function onDate(turn: Turn, d: Draft, input: string): void {
  const parsed = parseIncidentDate(input, turn.now);
  if (!parsed.ok) {
    turn.say(`when.${parsed.reason}`, { example: formatDay(turn.now.getTime()) });
    return turn.show();
  }
  d.when = 'date';
  d.incidentAt = parsed.date.getTime();
  return turn.advance(d);
}
