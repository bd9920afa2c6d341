import type { Message } from 'telegraf/types';
import type { MediaRef } from './context';

/**
 * The file in a message, if it is one a report can carry (photo, video, voice, audio, document).
 * Stickers, animations and the like are not evidence and return undefined.
 */
export function mediaOf(msg: Message): MediaRef | undefined {
  if ('photo' in msg && msg.photo.length) {
    const p = msg.photo[msg.photo.length - 1]; // Telegram lists sizes smallest first
    return { k: 'photo', f: p.file_id, u: p.file_unique_id, s: p.file_size };
  }
  if ('video' in msg) return { k: 'video', f: msg.video.file_id, u: msg.video.file_unique_id, s: msg.video.file_size, m: msg.video.mime_type, n: msg.video.file_name, d: msg.video.duration };
  if ('video_note' in msg) return { k: 'video', f: msg.video_note.file_id, u: msg.video_note.file_unique_id, s: msg.video_note.file_size, d: msg.video_note.duration };
  if ('voice' in msg) return { k: 'voice', f: msg.voice.file_id, u: msg.voice.file_unique_id, s: msg.voice.file_size, m: msg.voice.mime_type, d: msg.voice.duration };
  if ('audio' in msg) return { k: 'audio', f: msg.audio.file_id, u: msg.audio.file_unique_id, s: msg.audio.file_size, m: msg.audio.mime_type, n: msg.audio.file_name, d: msg.audio.duration };
  if ('document' in msg && !('animation' in msg)) {
    return { k: 'document', f: msg.document.file_id, u: msg.document.file_unique_id, s: msg.document.file_size, m: msg.document.mime_type, n: msg.document.file_name };
  }
  return undefined;
}

export function captionOf(msg: Message): string | undefined {
  return 'caption' in msg && typeof msg.caption === 'string' ? msg.caption : undefined;
}

/** The store's Evidence shape (long names) from the session's compact one. */
export function toEvidence(m: MediaRef) {
  return {
    kind: m.k,
    fileId: m.f,
    fileUniqueId: m.u,
    ...(m.s !== undefined ? { size: m.s } : {}),
    ...(m.m !== undefined ? { mimeType: m.m } : {}),
    ...(m.n !== undefined ? { fileName: m.n } : {}),
    ...(m.d !== undefined ? { durationSec: m.d } : {}),
    ...(m.c !== undefined ? { caption: m.c } : {}),
  };
}
