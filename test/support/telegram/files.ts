/** In-memory file store: every file the double knows (sent by users, uploaded by the bot, or
 * added by a test) gets a stable file_id, a file_path for getFile and bytes for download. */
import type { PhotoSize } from './types';

export type FileKind = 'photo' | 'document' | 'voice' | 'video' | 'audio' | 'sticker';

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  kind: FileKind;
  size: number;
  mimeType: string;
  fileName?: string;
  filePath: string;
  width?: number;
  height?: number;
  duration?: number;
  /** for photos: all sizes of the same picture, smallest first (Telegram's order) */
  photoSizes?: PhotoSize[];
  /** bytes may be generated lazily so a "25 MB" test file costs nothing until downloaded */
  bytes: () => Buffer;
}

export interface NewFile {
  bytes?: Buffer;
  size?: number;
  mimeType?: string;
  fileName?: string;
  width?: number;
  height?: number;
  duration?: number;
}

/** Telegram's getFile refuses files above 20 MB for bots. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

// Prefixes mimic real file_ids so logs look familiar; the counter keeps them deterministic.
const PREFIX: Record<FileKind, string> = {
  photo: 'AgACAgQAAxkBAAI',
  document: 'BQACAgQAAxkBAAI',
  voice: 'AwACAgQAAxkBAAI',
  video: 'BAACAgQAAxkBAAI',
  audio: 'CQACAgQAAxkBAAI',
  sticker: 'CAACAgQAAxkBAAI',
};
const DIR: Record<FileKind, string> = {
  photo: 'photos', document: 'documents', voice: 'voice', video: 'videos', audio: 'music', sticker: 'stickers',
};
const DEFAULT_MIME: Record<FileKind, string> = {
  photo: 'image/jpeg', document: 'application/octet-stream', voice: 'audio/ogg', video: 'video/mp4',
  audio: 'audio/mpeg', sticker: 'image/webp',
};
const EXT_BY_MIME: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'audio/ogg': 'oga', 'audio/mpeg': 'mp3',
  'video/mp4': 'mp4', 'application/pdf': 'pdf', 'text/plain': 'txt', 'application/json': 'json',
};
const MIME_BY_EXT: Record<string, string> = Object.fromEntries(
  Object.entries(EXT_BY_MIME).map(([mime, ext]) => [ext, mime]),
);
Object.assign(MIME_BY_EXT, { jpeg: 'image/jpeg', ogg: 'audio/ogg', csv: 'text/csv', zip: 'application/zip' });

export function mimeFromFileName(fileName: string | undefined, fallback: string): string {
  const ext = fileName?.split('.').pop()?.toLowerCase();
  return (ext && MIME_BY_EXT[ext]) || fallback;
}

const MAGIC: Record<FileKind, Buffer> = {
  photo: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]),
  document: Buffer.from('%PDF-1.4\n'),
  voice: Buffer.from('OggS'),
  video: Buffer.from([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]),
  audio: Buffer.from('ID3'),
  sticker: Buffer.from('RIFF\0\0\0\0WEBP'),
};

/** Deterministic fake content with a plausible magic header (and JPEG end marker). */
export function fakeBytes(kind: FileKind, size: number, seed: number): Buffer {
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = (i * 31 + seed * 7) & 0xff;
  MAGIC[kind].copy(buf, 0, 0, Math.min(size, MAGIC[kind].length));
  if (kind === 'photo' && size >= 2) buf.writeUInt16BE(0xffd9, size - 2);
  return buf;
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  add(kind: FileKind, f: NewFile): StoredFile {
    const n = ++this.counter;
    const size = f.bytes?.length ?? f.size ?? 1024;
    const mimeType = f.mimeType ?? mimeFromFileName(f.fileName, DEFAULT_MIME[kind]);
    const ext = EXT_BY_MIME[mimeType] ?? (f.fileName?.includes('.') ? f.fileName.split('.').pop() : undefined) ?? 'dat';
    const bytes = f.bytes;
    const stored: StoredFile = {
      fileId: `${PREFIX[kind]}${String(n).padStart(6, '0')}YmFzZTY0LWZha2U`,
      fileUniqueId: `AQAD${String(n).padStart(4, '0')}`,
      kind,
      size,
      mimeType,
      fileName: f.fileName,
      filePath: `${DIR[kind]}/file_${n}.${ext}`,
      width: f.width,
      height: f.height,
      duration: f.duration,
      bytes: bytes ? () => bytes : () => fakeBytes(kind, size, n),
    };
    this.byId.set(stored.fileId, stored);
    this.byPath.set(stored.filePath, stored);
    return stored;
  }

  /** A photo as Telegram stores it: several sizes, each its own file; the largest carries `size`. */
  addPhoto(opts: { bytes?: Buffer; size?: number; width?: number; height?: number }): PhotoSize[] {
    const width = opts.width ?? 1280;
    const height = opts.height ?? 960;
    const full = opts.bytes?.length ?? opts.size ?? 120_000;
    const specs = [
      { w: 90, h: Math.round((90 * height) / width), size: Math.max(64, Math.min(1_500, Math.floor(full / 50))) },
      { w: 320, h: Math.round((320 * height) / width), size: Math.max(128, Math.min(20_000, Math.floor(full / 8))) },
      { w: width, h: height, size: full, bytes: opts.bytes },
    ];
    const sizes: PhotoSize[] = specs.map((s) => {
      const f = this.add('photo', { bytes: s.bytes, size: s.size, width: s.w, height: s.h, mimeType: 'image/jpeg' });
      return { file_id: f.fileId, file_unique_id: f.fileUniqueId, width: s.w, height: s.h, file_size: f.size };
    });
    for (const s of sizes) {
      const f = this.byId.get(s.file_id);
      if (f) f.photoSizes = sizes;
    }
    return sizes;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  getByPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }
}
