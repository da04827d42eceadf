import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Files larger than this are refused before reading: no official table here is near it. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface SourceFile {
  path: string;
  name: string;
  sha256: string;
  bytes: number;
  /** Decoded UTF-8 text without the byte-order mark. */
  text: string;
}

export class UnreadableFileError extends Error {
  readonly code = 'UNREADABLE_FILE';
}

/** Reads a file as published: checks size, hashes the bytes, decodes strict UTF-8, drops the BOM. */
export function readSourceFile(filePath: string): SourceFile {
  const name = path.basename(filePath);
  const stat = fs.statSync(filePath);
  if (stat.size > MAX_FILE_BYTES) {
    throw new UnreadableFileError(`${name}: ${stat.size} bytes is over the ${MAX_FILE_BYTES}-byte limit for one file`);
  }
  return sourceFileOfBytes(name, fs.readFileSync(filePath), filePath);
}

/**
 * A file received rather than read from disk (a provisional upload), checked as readSourceFile
 * checks one: hashes the bytes, decodes strict UTF-8, drops the BOM.
 */
export function sourceFileOfBytes(name: string, buffer: Buffer, filePath = name): SourceFile {
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  if (buffer.includes(0)) throw new UnreadableFileError(`${name}: contains NUL bytes; this is not a text (CSV or JSON) file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new UnreadableFileError(`${name}: is not valid UTF-8 text; save it as UTF-8 (with or without BOM) and import again`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { path: filePath, name, sha256, bytes: buffer.length, text };
}
