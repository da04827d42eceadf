import { ApiError, badPeerSelector, tooManyAuthorities, unknownAuthority } from '../../graphql/errors';
import { toAuthority } from '../authorities/authority.service';
import { type AuthorityRecord, byName, type ReferenceSnapshot } from '../reference/reference.service';
import { MAX_CUSTOM_PEERS, PeerKind, type PeerGroup, type PeerSelector } from './peer-group.type';

export interface ResolvedPeers {
  id: string;
  kind: PeerKind;
  label: string;
  /** Members in a stable order (the focus first when it is in the set). */
  members: AuthorityRecord[];
  listIncomplete: boolean;
  note: string | null;
}

/**
 * Turns a peer selector into its members. Statistical neighbours are the LA and its 10 neighbours;
 * the other sets are current LAs. Codes are checked (UNKNOWN_AUTHORITY), custom sets hold 1–30 LAs
 * (TOO_MANY_AUTHORITIES), and a selector missing what its kind needs is BAD_PEER_SELECTOR.
 */
export function resolvePeers(reference: ReferenceSnapshot, selector: PeerSelector & { label?: string }, focus?: AuthorityRecord): ResolvedPeers {
  const pick = (code: string | null | undefined, what: string): AuthorityRecord => {
    if (code) {
      const la = reference.authority(code);
      if (!la) throw unknownAuthority(code);
      return la;
    }
    if (focus) return focus;
    throw badPeerSelector(`${what} needs "of" (an LA code) or a focus LA.`);
  };
  // A saved set reaches here already inlined as CUSTOM codes (saved-sets/inlineSavedSet).
  if (selector.kind == null || selector.savedSetId != null) throw badPeerSelector('Give "kind" (with what it needs), or "savedSetId" alone for a saved comparator set.');
  if (selector.kind !== PeerKind.DBV && selector.tranche != null) throw badPeerSelector(`"tranche" applies only to kind DBV, not ${selector.kind.toUpperCase()}.`);
  if (selector.kind !== PeerKind.CUSTOM && selector.codes != null) throw badPeerSelector(`"codes" applies only to kind CUSTOM, not ${selector.kind.toUpperCase()}.`);

  switch (selector.kind) {
    case PeerKind.STATISTICAL_NEIGHBOURS: {
      const la = pick(selector.of, 'STATISTICAL_NEIGHBOURS');
      const neighbours = reference.neighboursOf(la.code);
      if (neighbours.length === 0) throw badPeerSelector(`${la.name} (${la.code}) has no statistical neighbours in the imported model${la.isCurrent ? '' : ' (it is a predecessor LA)'}.`);
      return {
        id: `statistical_neighbours:${la.code}`,
        kind: selector.kind,
        label: `${la.name} and its ${neighbours.length} statistical neighbours (${neighbours[0].model})`,
        members: [la, ...neighbours.map((n) => reference.authorities.get(n.code)!)],
        listIncomplete: false,
        note: null,
      };
    }
    case PeerKind.REGION: {
      const la = pick(selector.of, 'REGION');
      const region = reference.areas.get(la.regionCode)!;
      return {
        id: `region:${region.code}`,
        kind: selector.kind,
        label: `${region.name} region`,
        members: reference.currentAuthoritiesByName().filter((a) => a.regionCode === region.code),
        listIncomplete: false,
        note: null,
      };
    }
    case PeerKind.DBV: {
      const tranche = selector.tranche;
      if (tranche != null && ![1, 2, 3].includes(tranche)) throw badPeerSelector(`DBV tranche must be 1, 2 or 3; got ${tranche}.`);
      const rows = reference.programmes.filter((p) => p.programme === 'dbv' && (tranche == null || p.cohort === String(tranche)));
      const incomplete = rows.filter((r) => r.listIncomplete);
      return {
        id: tranche == null ? 'dbv' : `dbv:${tranche}`,
        kind: selector.kind,
        label: tranche == null ? 'DBV in SEND cohort (all tranches)' : `DBV in SEND tranche ${tranche}`,
        members: unique(rows.map((r) => reference.authorities.get(r.laCode)!)).sort(byName),
        listIncomplete: incomplete.length > 0,
        note: incomplete[0]?.note ?? null,
      };
    }
    case PeerKind.SAFETY_VALVE: {
      const rows = reference.programmes.filter((p) => p.programme === 'safety_valve');
      const incomplete = rows.filter((r) => r.listIncomplete);
      return {
        id: 'safety_valve',
        kind: selector.kind,
        label: 'Safety Valve agreement LAs',
        members: unique(rows.map((r) => reference.authorities.get(r.laCode)!)).sort(byName),
        listIncomplete: incomplete.length > 0,
        note: incomplete.length > 0 ? unique(incomplete.map((r) => r.note ?? '')).join(' ') : null,
      };
    }
    case PeerKind.ENGLAND:
      return { id: 'england', kind: selector.kind, label: 'All local authorities in England', members: [...reference.currentAuthoritiesByName()], listIncomplete: false, note: null };
    case PeerKind.CUSTOM: {
      const codes = selector.codes ?? [];
      if (codes.length === 0) throw badPeerSelector('CUSTOM needs "codes": 1 to 30 LA codes.');
      if (codes.length > MAX_CUSTOM_PEERS) throw tooManyAuthorities(codes.length, MAX_CUSTOM_PEERS);
      const members = unique(codes.map((code) => pick(code, 'CUSTOM')));
      return { id: `custom:${members.map((m) => m.code).join(',')}`, kind: selector.kind, label: selector.label ?? `Custom set of ${members.length} LAs`, members, listIncomplete: false, note: null };
    }
  }
  throw new ApiError('BAD_PEER_SELECTOR', `Unknown peer kind ${String(selector.kind)}.`);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

export function toPeerGroup(resolved: ResolvedPeers): PeerGroup {
  return {
    id: resolved.id,
    kind: resolved.kind,
    label: resolved.label,
    size: resolved.members.length,
    listIncomplete: resolved.listIncomplete,
    note: resolved.note,
    members: resolved.members.map(toAuthority),
  };
}
