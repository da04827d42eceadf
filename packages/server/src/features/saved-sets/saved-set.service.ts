import { randomBytes } from 'node:crypto';
import type { Db, SavedVisibility } from '../../db/database';
import type { ApiContext } from '../../graphql/context';
import { ApiError } from '../../graphql/errors';
import { appendAuditEvent } from '../../identity/audit.repository';
import type { Principal } from '../../identity/principal';
import { toAuthority } from '../authorities/authority.service';
import { MAX_CUSTOM_PEERS, PeerKind, type PeerSelector } from '../peer-groups/peer-group.type';
import type { ReferenceSnapshot } from '../reference/reference.service';
import {
  type ComparatorSetRow,
  deleteSaved,
  insertComparatorSet,
  insertSavedView,
  lockOwnerSaves,
  type SavedKind,
  type SavedViewRow,
  selectComparatorSet,
  selectComparatorSetsOf,
  selectSavedView,
  selectSavedViewsOf,
  updateComparatorSet,
  updateSavedView,
} from './saved-set.repository';
import {
  type ComparatorSet,
  type ComparatorSetChanges,
  type ComparatorSetInput,
  MAX_SAVED_PER_USER,
  type SavedView,
  type SavedViewChanges,
  type SavedViewInput,
} from './saved-set.type';

/**
 * Saved comparator sets and views (issue 21). Rules:
 * - only a signed-in caller (a session, a bearer token, or embedded mode's local user) saves; the
 *   owner is their subject;
 * - a set or view is private (its owner only) or shared by link (any signed-in caller who has its
 *   id); only the owner changes or deletes it;
 * - a set names 1–30 known LAs and nothing else, so sharing one reveals no figure: whoever uses it
 *   gets the answers their own role allows.
 * Reads and writes go to the primary (`ctx.writeDb`): an owner sees their change at once.
 */

const LINK_ID = /^[A-Za-z0-9_-]{16}$/;
const KIND_LABEL: Record<SavedKind, string> = { comparator_set: 'comparator set', saved_view: 'saved view' };

const badInput = (field: string, message: string, extra: Record<string, unknown> = {}) => new ApiError('BAD_USER_INPUT', message, { field, ...extra });

/** A new link id: 12 random bytes, base64url (16 characters), so a link cannot be guessed. */
function newLinkId(): string {
  return randomBytes(12).toString('base64url');
}

/** The caller's subject, or FORBIDDEN (reason SIGN_IN_REQUIRED) for anonymous callers. */
function ownerOf(principal: Principal, what: string, field?: string): string {
  if (principal.source !== 'none' && principal.subject) return principal.subject;
  throw new ApiError('FORBIDDEN', `${what} needs sign-in: anonymous callers cannot save or use saved comparator sets and views. Sign in and try again.`, {
    reason: 'SIGN_IN_REQUIRED',
    ...(field ? { field } : {}),
  });
}

function checkName(name: string, field: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw badInput(field, `${field} must be 1 to 100 characters; got ${trimmed.length}.`, { value: name });
  return trimmed;
}

/**
 * The LAs of a set as DfE numbers, duplicates dropped, order kept: BAD_USER_INPUT naming every
 * unknown code, or the count when there are none or more than 30.
 */
export function checkCodes(reference: ReferenceSnapshot, codes: readonly string[], field: string): string[] {
  const unknown = codes.filter((code) => !reference.authority(code.trim()));
  if (unknown.length > 0) {
    throw badInput(field, `${field}: unknown LA code${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')}. Use 3-digit DfE LA numbers (e.g. 886) or ONS E-codes; the authorities query lists them.`, { value: unknown });
  }
  const canonical = [...new Set(codes.map((code) => reference.authority(code.trim())!.code))];
  if (canonical.length < 1 || canonical.length > MAX_CUSTOM_PEERS) {
    throw badInput(field, `${field}: a comparator set holds 1 to ${MAX_CUSTOM_PEERS} LAs; ${canonical.length} were given.`, { value: canonical.length, max: MAX_CUSTOM_PEERS });
  }
  return canonical;
}

function checkId(id: string, kind: SavedKind, field: string): void {
  if (!LINK_ID.test(id)) throw badInput(field, `${field}: no ${KIND_LABEL[kind]} has id ${JSON.stringify(id)} (ids are 16 letters, digits, "-" or "_").`, { value: id });
}

/** A set or view the caller may read: theirs, or shared by link; else BAD_USER_INPUT (no such id) or FORBIDDEN (private). */
function readable<T extends { owner: string; visibility: SavedVisibility }>(row: T | undefined, owner: string, kind: SavedKind, id: string, field: string): T {
  if (!row) throw badInput(field, `${field}: no ${KIND_LABEL[kind]} has id ${JSON.stringify(id)}; it may have been deleted.`, { value: id });
  if (row.owner !== owner && row.visibility !== 'link') throw new ApiError('FORBIDDEN', `${field}: the ${KIND_LABEL[kind]} ${JSON.stringify(id)} is private to its owner.`, { field, value: id });
  return row;
}

/** After an update or delete that matched nothing: FORBIDDEN when the id is someone else's, else BAD_USER_INPUT. */
async function refuseChange(db: Db, kind: SavedKind, id: string, field: string): Promise<never> {
  const row = kind === 'comparator_set' ? await selectComparatorSet(db, id) : await selectSavedView(db, id);
  if (row) throw new ApiError('FORBIDDEN', `${field}: only the owner of the ${KIND_LABEL[kind]} ${JSON.stringify(id)} may change or delete it.`, { field, value: id });
  throw badInput(field, `${field}: no ${KIND_LABEL[kind]} has id ${JSON.stringify(id)}.`, { value: id });
}

const visibilityOf = (shared: boolean): SavedVisibility => (shared ? 'link' : 'private');

function toComparatorSet(row: ComparatorSetRow, owner: string, reference: ReferenceSnapshot): ComparatorSet {
  return {
    id: row.id,
    name: row.name,
    codes: row.codes,
    members: row.codes.flatMap((code) => reference.authorities.get(code) ?? []).map(toAuthority),
    shared: row.visibility === 'link',
    mine: row.owner === owner,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function toSavedView(row: SavedViewRow, owner: string): SavedView {
  return { id: row.id, name: row.name, path: row.path, search: row.search, shared: row.visibility === 'link', mine: row.owner === owner, updatedAt: new Date(row.updated_at).toISOString() };
}

/** The caller's comparator sets, by name. */
export async function listComparatorSets(ctx: ApiContext): Promise<ComparatorSet[]> {
  const owner = ownerOf(ctx.principal, 'Listing saved comparator sets');
  const [rows, reference] = await Promise.all([selectComparatorSetsOf(ctx.writeDb, owner), ctx.reference()]);
  return rows.map((row) => toComparatorSet(row, owner, reference));
}

/** One comparator set the caller may read (theirs or shared by link). */
export async function readComparatorSet(ctx: ApiContext, id: string, field = 'id'): Promise<ComparatorSet> {
  const owner = ownerOf(ctx.principal, 'A saved comparator set', field);
  checkId(id, 'comparator_set', field);
  const row = readable(await selectComparatorSet(ctx.writeDb, id), owner, 'comparator_set', id, field);
  return toComparatorSet(row, owner, await ctx.reference());
}

function checkRoom(existing: readonly unknown[], kind: SavedKind): void {
  const n = existing.length;
  if (n >= MAX_SAVED_PER_USER) throw badInput(kind === 'comparator_set' ? 'set' : 'view', `You have ${n} ${KIND_LABEL[kind]}s, the most one user may keep: delete one first.`, { max: MAX_SAVED_PER_USER });
}

/** A change as the audit log records it: `shared` rather than the stored visibility. */
function auditedChanges(asked: { name?: string; codes?: string[]; visibility?: SavedVisibility }): Record<string, unknown> {
  const { visibility, ...rest } = asked;
  return { ...rest, ...(visibility !== undefined ? { shared: visibility === 'link' } : {}) };
}

const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((code, i) => code === b[i]);

/** Saves a new comparator set for the caller. */
export async function createComparatorSet(ctx: ApiContext, input: ComparatorSetInput): Promise<ComparatorSet> {
  const owner = ownerOf(ctx.principal, 'Saving a comparator set');
  const reference = await ctx.reference();
  const name = checkName(input.name, 'set.name');
  const codes = checkCodes(reference, input.codes, 'set.codes');
  const visibility = visibilityOf(input.shared);
  const row = await inTransactionAudited(ctx, 'saved-create', 'comparator_set', async (trx) => {
    await lockOwnerSaves(trx, owner);
    const existing = await selectComparatorSetsOf(trx, owner);
    // Saving the same set again gives the set already saved: a retried request (a proxy retries a
    // POST whose process died before answering), or the same save sent twice at once, never makes a
    // second copy (nor a second audit event).
    const same = existing.find((row) => row.name === name && row.visibility === visibility && sameCodes(row.codes, codes));
    if (same) return { result: same };
    checkRoom(existing, 'comparator_set');
    const inserted = await insertComparatorSet(trx, { id: newLinkId(), owner, name, codes, visibility });
    return { result: inserted, id: inserted.id, detail: { name, codes, shared: visibility === 'link' } };
  });
  return toComparatorSet(row, owner, reference);
}

/**
 * Runs a change to a saved set or view and its audit event in one transaction: the event is
 * written when `change` gives an id (something changed), with what was asked for.
 */
async function inTransactionAudited<T>(
  ctx: ApiContext,
  event: 'saved-create' | 'saved-change' | 'saved-delete',
  kind: SavedKind,
  change: (trx: Db) => Promise<{ result: T; id?: string; detail?: Record<string, unknown> }>,
): Promise<T> {
  return ctx.writeDb.transaction().execute(async (trx) => {
    const { result, id, detail } = await change(trx);
    if (id !== undefined) await appendAuditEvent(trx, event, ctx.principal, { kind, id, ...detail }, ctx.requestId);
    return result;
  });
}

/** Renames, re-lists or (un)shares one of the caller's sets; its version goes up by one. */
export async function changeComparatorSet(ctx: ApiContext, id: string, changes: ComparatorSetChanges): Promise<ComparatorSet> {
  const owner = ownerOf(ctx.principal, 'Changing a comparator set', 'id');
  checkId(id, 'comparator_set', 'id');
  const reference = await ctx.reference();
  const asked = {
    ...(changes.name != null ? { name: checkName(changes.name, 'changes.name') } : {}),
    ...(changes.codes != null ? { codes: checkCodes(reference, changes.codes, 'changes.codes') } : {}),
    ...(changes.shared != null ? { visibility: visibilityOf(changes.shared) } : {}),
  };
  const row = await inTransactionAudited(ctx, 'saved-change', 'comparator_set', async (trx) => {
    const updated = await updateComparatorSet(trx, id, owner, asked);
    return { result: updated, id: updated?.id, detail: { changes: auditedChanges(asked) } };
  });
  return row ? toComparatorSet(row, owner, reference) : refuseChange(ctx.writeDb, 'comparator_set', id, 'id');
}

/**
 * Deletes one of the caller's sets or views: true when it was deleted, false when there is none
 * with that id (already deleted: a retried request is harmless); someone else's is refused.
 */
export async function deleteSavedThing(ctx: ApiContext, kind: SavedKind, id: string): Promise<boolean> {
  const owner = ownerOf(ctx.principal, `Deleting a ${KIND_LABEL[kind]}`, 'id');
  checkId(id, kind, 'id');
  const deleted = await inTransactionAudited(ctx, 'saved-delete', kind, async (trx) => {
    const done = await deleteSaved(trx, kind, id, owner);
    return { result: done, id: done ? id : undefined };
  });
  if (deleted) return true;
  const row = kind === 'comparator_set' ? await selectComparatorSet(ctx.writeDb, id) : await selectSavedView(ctx.writeDb, id);
  return row ? refuseChange(ctx.writeDb, kind, id, 'id') : false;
}

/** The caller's saved views, by name. */
export async function listSavedViews(ctx: ApiContext): Promise<SavedView[]> {
  const owner = ownerOf(ctx.principal, 'Listing saved views');
  return (await selectSavedViewsOf(ctx.writeDb, owner)).map((row) => toSavedView(row, owner));
}

/** One view the caller may open (theirs or shared by link). */
export async function readSavedView(ctx: ApiContext, id: string): Promise<SavedView> {
  const owner = ownerOf(ctx.principal, 'A saved view', 'id');
  checkId(id, 'saved_view', 'id');
  return toSavedView(readable(await selectSavedView(ctx.writeDb, id), owner, 'saved_view', id, 'id'), owner);
}

const PAGE_PATH = /^\/[a-z0-9-]{0,40}$/;

/** Saves a page's URL state for the caller. */
export async function createSavedView(ctx: ApiContext, input: SavedViewInput): Promise<SavedView> {
  const owner = ownerOf(ctx.principal, 'Saving a view');
  const name = checkName(input.name, 'view.name');
  if (!PAGE_PATH.test(input.path)) throw badInput('view.path', `view.path must be a page of the dashboard such as "/compare"; got ${JSON.stringify(input.path)}.`, { value: input.path });
  if (input.search !== '' && (!input.search.startsWith('?') || input.search.length > 2000 || /[\s#]/.test(input.search))) {
    throw badInput('view.search', 'view.search must be "" or a query string starting with "?" (at most 2,000 characters, no spaces or "#").', { value: input.search.slice(0, 100) });
  }
  const visibility = visibilityOf(input.shared);
  const row = await inTransactionAudited(ctx, 'saved-create', 'saved_view', async (trx) => {
    await lockOwnerSaves(trx, owner);
    const existing = await selectSavedViewsOf(trx, owner);
    // The same view saved again, or twice at once, is the view already saved: no copy.
    const same = existing.find((row) => row.name === name && row.path === input.path && row.search === input.search && row.visibility === visibility);
    if (same) return { result: same };
    checkRoom(existing, 'saved_view');
    const inserted = await insertSavedView(trx, { id: newLinkId(), owner, name, path: input.path, search: input.search, visibility });
    return { result: inserted, id: inserted.id, detail: { name, path: input.path, shared: visibility === 'link' } };
  });
  return toSavedView(row, owner);
}

/** Renames or (un)shares one of the caller's views. */
export async function changeSavedView(ctx: ApiContext, id: string, changes: SavedViewChanges): Promise<SavedView> {
  const owner = ownerOf(ctx.principal, 'Changing a saved view', 'id');
  checkId(id, 'saved_view', 'id');
  const asked = {
    ...(changes.name != null ? { name: checkName(changes.name, 'changes.name') } : {}),
    ...(changes.shared != null ? { visibility: visibilityOf(changes.shared) } : {}),
  };
  const row = await inTransactionAudited(ctx, 'saved-change', 'saved_view', async (trx) => {
    const updated = await updateSavedView(trx, id, owner, asked);
    return { result: updated, id: updated?.id, detail: { changes: auditedChanges(asked) } };
  });
  return row ? toSavedView(row, owner) : refuseChange(ctx.writeDb, 'saved_view', id, 'id');
}

/** A peer selector with a saved set's members, and its name for the group's label. */
export type InlinedSelector = PeerSelector & { label?: string };

/**
 * A peer selector naming a saved set (`{ savedSetId }`) as the same CUSTOM list given inline, so
 * its answers are those of the list (sum of numerators over sum of denominators, ranks, bands),
 * labelled with the set's name. Other selectors come back as they are. `field` names the argument
 * in errors (`peers`, `highlight`, `area.peers`).
 *
 * @example await inlineSavedSet(ctx, { savedSetId: 'Q2x…' }, 'peers') // { kind: CUSTOM, codes: ['886', …], label: 'My neighbours' }
 */
export async function inlineSavedSet<T extends PeerSelector | null | undefined>(ctx: ApiContext, selector: T, field: string): Promise<T | InlinedSelector> {
  if (selector?.savedSetId == null) return selector;
  const idField = `${field}.savedSetId`;
  if (selector.kind != null || selector.of != null || selector.tranche != null || selector.codes != null) {
    throw badInput(idField, `${field}: savedSetId names the whole set; leave out kind, of, tranche and codes.`);
  }
  const owner = ownerOf(ctx.principal, 'A saved comparator set', idField);
  checkId(selector.savedSetId, 'comparator_set', idField);
  const row = readable(await selectComparatorSet(ctx.writeDb, selector.savedSetId), owner, 'comparator_set', selector.savedSetId, idField);
  return { kind: PeerKind.CUSTOM, codes: row.codes, label: row.name };
}
