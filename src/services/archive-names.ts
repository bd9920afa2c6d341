import type { Evidence } from '../store';

/**
 * The names of files in the evidence archive, shared with the case file: it names a file sent in
 * a later message as the archive does, so the investigator finds the one a message is about.
 */
const EXT_BY_MIME: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm',
  'audio/ogg': 'ogg', 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'audio/wav': 'wav', 'application/pdf': 'pdf', 'text/plain': 'txt',
};
const EXT_BY_KIND: Record<Evidence['kind'], string> = { photo: 'jpg', video: 'mp4', voice: 'ogg', audio: 'mp3', document: 'bin' };

/** A name that is safe on any file system and cannot climb out of its folder. */
export function safeEntryName(name: string): string {
  const s = name.normalize('NFC').replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[.\s_]+/, '').trim().slice(0, 80);
  return s || 'file';
}

/** `01-photo.jpg`, or `01-` and the name the file was sent with (as the document carries it: blanked without consent). */
export function entryName(n: number, media: Pick<Evidence, 'kind' | 'mimeType' | 'fileName'>): string {
  const num = String(n).padStart(2, '0');
  if (media.fileName) return `${num}-${safeEntryName(media.fileName)}`;
  const ext = (media.mimeType && EXT_BY_MIME[media.mimeType.toLowerCase()]) ?? EXT_BY_KIND[media.kind];
  return `${num}-${media.kind}.${ext}`;
}

/** The path of the `n`th file the reporter sent in a later message (from 1, in the order the messages came). */
export const laterFilePath = (n: number, media: Pick<Evidence, 'kind' | 'mimeType' | 'fileName'>) => `later-messages/${entryName(n, media)}`;
