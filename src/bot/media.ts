import type { Message } from 'telegraf/types';
import type { MediaRef } from './session';

/**
 * The file in a message, if it is one a report can carry (photo, video, voice, audio, document).
 * Stickers, animations and the like are not evidence and return undefined.
 */
export function mediaOf(msg: Message): MediaRef | undefined {
  if ('photo' in msg && msg.photo.length) {
    const p = msg.photo[msg.photo.length - 1]; // Telegram lists sizes smallest first
    return ref({ kind: 'photo', fileId: p.file_id, fileUniqueId: p.file_unique_id, size: p.file_size });
  }
  if ('video' in msg) {
    const v = msg.video;
    return ref({ kind: 'video', fileId: v.file_id, fileUniqueId: v.file_unique_id, size: v.file_size, mimeType: v.mime_type, fileName: v.file_name, durationSec: v.duration });
  }
  if ('video_note' in msg) {
    const v = msg.video_note;
    return ref({ kind: 'video', fileId: v.file_id, fileUniqueId: v.file_unique_id, size: v.file_size, durationSec: v.duration });
  }
  if ('voice' in msg) {
    const v = msg.voice;
    return ref({ kind: 'voice', fileId: v.file_id, fileUniqueId: v.file_unique_id, size: v.file_size, mimeType: v.mime_type, durationSec: v.duration });
  }
  if ('audio' in msg) {
    const a = msg.audio;
    return ref({ kind: 'audio', fileId: a.file_id, fileUniqueId: a.file_unique_id, size: a.file_size, mimeType: a.mime_type, fileName: a.file_name, durationSec: a.duration });
  }
  if ('document' in msg && !('animation' in msg)) {
    const d = msg.document;
    return ref({ kind: 'document', fileId: d.file_id, fileUniqueId: d.file_unique_id, size: d.file_size, mimeType: d.mime_type, fileName: d.file_name });
  }
  return undefined;
}

export function captionOf(msg: Message): string | undefined {
  return 'caption' in msg && typeof msg.caption === 'string' ? msg.caption : undefined;
}

/** Without the fields Telegram left out, so the session holds only what is there. */
function ref(m: MediaRef): MediaRef {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as unknown as MediaRef;
}
