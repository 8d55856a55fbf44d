import { randomUUID } from 'node:crypto';

/** The largest file the playground keeps (an export of every demo session is far smaller). */
export const FILE_MAX_BYTES = 10 * 1024 * 1024;

/** A file shared in a message, as the page shows it. */
export interface SharedFile {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly size: number;
}

/** A stored file with its bytes. */
export interface StoredFile extends SharedFile {
  readonly bytes: Buffer;
}

/** Slack's three-step upload: reserve, send the bytes, complete. */
export interface Files {
  /** `files.getUploadURLExternal`: a one-time URL for one file. */
  reserve(filename: string): { fileId: string; uploadUrl: string };
  /** The POST to the upload URL; `false` when the id is unknown or already used. */
  receive(fileId: string, bytes: Buffer): boolean;
  /** `files.completeUploadExternal`: the files, now shareable, or Slack's error. */
  complete(
    entries: readonly { id: string; title?: string | undefined }[],
  ): { ok: true; files: SharedFile[] } | { ok: false; error: string };
  get(fileId: string): StoredFile | undefined;
}

/**
 * Files the app uploads, kept in memory and served back to the page for download.
 * https://docs.slack.dev/messaging/working-with-files#uploading_files
 */
export const createFiles = (options: { readonly origin: () => string }): Files => {
  const reserved = new Map<string, { name: string; bytes?: Buffer }>();
  const stored = new Map<string, StoredFile>();
  return {
    reserve: (filename) => {
      const fileId = `F0${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
      reserved.set(fileId, { name: filename });
      return { fileId, uploadUrl: `${options.origin()}/upload/${fileId}` };
    },
    receive: (fileId, bytes) => {
      const entry = reserved.get(fileId);
      if (entry === undefined || entry.bytes !== undefined) return false;
      entry.bytes = bytes;
      return true;
    },
    complete: (entries) => {
      const files: SharedFile[] = [];
      for (const { id, title } of entries) {
        const entry = reserved.get(id);
        if (entry?.bytes === undefined) return { ok: false, error: 'file_not_found' };
        const file = {
          id,
          name: entry.name,
          title: title ?? entry.name,
          size: entry.bytes.length,
          bytes: entry.bytes,
        };
        reserved.delete(id);
        stored.set(id, file);
        files.push({ id, name: file.name, title: file.title, size: file.size });
      }
      return { ok: true, files };
    },
    get: (fileId) => stored.get(fileId),
  };
};
