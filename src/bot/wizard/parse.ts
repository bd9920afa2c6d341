import type { Message } from 'telegraf/types';
import { captionOf, mediaOf } from '../media';
import type { WizardInput } from './types';

/** callback_data of a wizard button: `w:<draftId>:<step>:<value>` (anything else is answered as stale elsewhere). */
export const WIZARD_DATA = /^w:([\w-]{1,20}):(\w{1,8}):([\w-]{1,20})$/;

export function buttonInput(match: RegExpExecArray | readonly string[]): WizardInput {
  return { type: 'button', draftId: match[1], step: match[2], value: match[3] };
}

/**
 * A message as wizard input. `labels` are the Back and Cancel reply-keyboard buttons in the
 * reporter's language: on those steps they arrive as plain text.
 */
export function messageInput(msg: Message, fromId: number, labels: { back: string; cancel: string }): WizardInput {
  if ('text' in msg) {
    const text = msg.text;
    if (text === labels.back) return { type: 'text', text, label: 'back' };
    if (text === labels.cancel) return { type: 'text', text, label: 'cancel' };
    if (text.startsWith('/')) return { type: 'command', command: text.slice(1).split(/[\s@]/)[0] };
    return { type: 'text', text };
  }
  const media = mediaOf(msg);
  if (media) {
    const caption = captionOf(msg);
    return caption === undefined ? { type: 'media', media } : { type: 'media', media, caption };
  }
  if ('location' in msg) return { type: 'location', lat: msg.location.latitude, lon: msg.location.longitude };
  if ('contact' in msg) return { type: 'contact', phone: msg.contact.phone_number, own: msg.contact.user_id === fromId };
  return { type: 'other' };
}
