import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * Trusted documents (a.k.a. persisted operations).
 *
 * The manifest is a JSON object mapping the SHA-256 (lowercase hex) of each operation's exact text
 * (UTF-8, as sent) to that text; the dashboard's build writes it to
 * packages/dashboard/dist/trusted-documents.json:
 *
 *   { "5e0c…64 hex…": "query Profile($code: LaCode!) { profile(code: $code) { … } }" }
 *
 * A request names its operation either by hash, Apollo's way
 * (`"extensions": { "persistedQuery": { "version": 1, "sha256Hash": "5e0c…" } }`, no `query`),
 * or by sending the full text. With TRUSTED_DOCUMENTS=on only listed operations run: a listed hash,
 * or a text whose hash is listed. With it off (open mode) a listed hash still works and any other
 * text runs under the query limits.
 */

export type TrustedDocuments = ReadonlyMap<string, string>;

export const TRUSTED_DOCUMENT_ERRORS = {
  OPERATION_NOT_TRUSTED: 'This server only runs the dashboard\'s operations (trusted-documents mode); this one is not among them.',
  PERSISTED_QUERY_NOT_FOUND: 'PersistedQueryNotFound',
  PERSISTED_QUERY_HASH_MISMATCH: 'The sha256Hash in extensions.persistedQuery is not the SHA-256 of the query sent with it.',
} as const;

export class TrustedDocumentsError extends Error {
  readonly code = 'BAD_TRUSTED_DOCUMENTS';
}

/** SHA-256 of an operation's exact text, as the manifest keys it. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Builds a manifest from operation texts (for the dashboard's build and for tests). */
export function trustedDocumentsManifest(texts: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...texts].map((text) => [documentHash(text), text]));
}

/**
 * Reads and checks a manifest: a JSON object whose every key is the SHA-256 of its value.
 * Throws TrustedDocumentsError naming the file and the first bad entry.
 */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist (build the dashboard: npm run build)' : `it is not readable JSON (${(error as Error).message})`;
    throw new TrustedDocumentsError(`${file}: ${reason}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new TrustedDocumentsError(`${file}: expected an object {"<sha256 hex>": "<operation text>"}`);
  }
  const documents = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed)) {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new TrustedDocumentsError(`${file}: key ${JSON.stringify(hash.slice(0, 80))} is not a lowercase hex SHA-256`);
    if (typeof text !== 'string') throw new TrustedDocumentsError(`${file}: the value of ${hash} is not a string`);
    if (documentHash(text) !== hash) throw new TrustedDocumentsError(`${file}: ${hash} is not the SHA-256 of its operation text`);
    documents.set(hash, text);
  }
  if (documents.size === 0) throw new TrustedDocumentsError(`${file}: lists no operation`);
  return documents;
}

export interface GraphQLRequestFields {
  query?: unknown;
  extensions?: unknown;
}

export type DocumentResolution =
  /** Run the request with this query text (extensions.persistedQuery removed). */
  | { ok: true; query: string | undefined; extensions: Record<string, unknown> | undefined }
  | { ok: false; status: number; code: keyof typeof TRUSTED_DOCUMENT_ERRORS };

function persistedHashOf(extensions: unknown): string | undefined {
  if (!extensions || typeof extensions !== 'object') return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (!persisted || typeof persisted !== 'object') return undefined;
  const hash = (persisted as { sha256Hash?: unknown }).sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

function withoutPersistedQuery(extensions: unknown): Record<string, unknown> | undefined {
  if (!extensions || typeof extensions !== 'object' || Array.isArray(extensions)) return undefined;
  const { persistedQuery: _drop, ...rest } = extensions as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/**
 * Decides which text a request runs, or why it may not run.
 *
 * @example resolveDocument({ extensions: { persistedQuery: { version: 1, sha256Hash: h } } }, docs, 'on') // { ok: true, query: docs.get(h), … }
 */
export function resolveDocument(request: GraphQLRequestFields, documents: TrustedDocuments, mode: 'on' | 'off'): DocumentResolution {
  const hash = persistedHashOf(request.extensions);
  const extensions = withoutPersistedQuery(request.extensions);
  const text = typeof request.query === 'string' ? request.query : undefined;
  if (hash !== undefined) {
    if (text !== undefined && documentHash(text) !== hash) return { ok: false, status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH' };
    const listed = documents.get(hash);
    if (listed !== undefined) return { ok: true, query: listed, extensions };
    if (mode === 'on') return text === undefined ? { ok: false, status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' } : { ok: false, status: 400, code: 'OPERATION_NOT_TRUSTED' };
    return text === undefined ? { ok: false, status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' } : { ok: true, query: text, extensions };
  }
  if (mode === 'on' && !(text !== undefined && documents.has(documentHash(text)))) {
    // No text at all is left for Apollo to answer (400 "query missing"); anything else is refused here.
    if (request.query === undefined) return { ok: true, query: undefined, extensions };
    return { ok: false, status: 400, code: 'OPERATION_NOT_TRUSTED' };
  }
  return { ok: true, query: request.query as string | undefined, extensions };
}
