import { ENGLAND_CODE } from '@sendbench/schema';
import { GraphQLError } from 'graphql';
import { ApiError, type ErrorCode } from '../../graphql/errors';
import { requireAuthority } from '../authorities/authority.service';
import { resolvePeers } from '../peer-groups/peer-group.service';
import type { ReferenceSnapshot } from '../reference/reference.service';
import type { ForecastAreaInput } from './forecast.type';

/** A reorganisation: from `fromPeriod` (an academic-year code, 202324 = January 2024) `successor` holds part or all of `predecessor`'s area. */
export interface Succession {
  predecessor: string;
  successor: string;
  fromPeriod: number;
  note: string;
}

/** The place a forecast is for, and which codes make up its geography at each January. */
export interface ForecastArea {
  label: string;
  /** Members as asked: one LA, a set's members, or England's code. */
  members: readonly string[];
  isEngland: boolean;
  /** Every code whose figures may be read: the members and the predecessors that can stand in for them. */
  readCodes: readonly string[];
  /**
   * The codes whose figures add up to the area at January `year`: the members, with predecessors
   * standing in for successors before a reorganisation when every successor of theirs is in the
   * area; null when the area cannot be formed then (a split authority alone before its split).
   */
  codesAt(year: number): readonly string[] | null;
  /** The reorganisations joined across, in words (for the caveats). */
  joins: readonly string[];
  /** An authority's name for notes ("Hackney (204)"). */
  nameOf(code: string): string;
  /** For a programme set: its published list is known to be incomplete, and the note that says how. */
  listIncomplete: boolean;
  listNote: string | null;
}

/** An academic-year period code for January of `year` (2025 → 202425). */
export const periodOfJanuary = (year: number): number => (year - 1) * 100 + (year % 100);

/**
 * The geography of `members` at each January, joining predecessors where the members cover all of
 * their successors: Cumbria (909) stands in for Cumberland (942) and Westmorland and Furness (943)
 * before January 2024 in a set holding both; BCP (839) and Dorset (838) together stand for
 * Bournemouth, Poole and old Dorset (835–837) before January 2020.
 * @example geography(['942', '943'], successions).codesAt(2023) // ['909']
 * @example geography(['942'], successions).codesAt(2023) // null: Cumberland alone is part of Cumbria
 */
export function geography(members: readonly string[], successions: readonly Succession[]): Pick<ForecastArea, 'readCodes' | 'codesAt' | 'joins'> {
  const inArea = new Set(members);
  const successorsOf = new Map<string, Succession[]>();
  const predecessorsOf = new Map<string, Succession[]>();
  for (const s of successions) {
    successorsOf.set(s.predecessor, [...(successorsOf.get(s.predecessor) ?? []), s]);
    predecessorsOf.set(s.successor, [...(predecessorsOf.get(s.successor) ?? []), s]);
  }
  const covered = (predecessor: string) => (successorsOf.get(predecessor) ?? []).every((s) => inArea.has(s.successor));
  const joinable = new Set<string>();
  const joins = new Set<string>();
  for (const member of members) {
    for (const s of predecessorsOf.get(member) ?? []) {
      if (!covered(s.predecessor) || inArea.has(s.predecessor)) continue;
      joinable.add(s.predecessor);
      joins.add(s.note);
    }
  }
  const known = new Map<number, readonly string[] | null>();
  const codesAt = (year: number): readonly string[] | null => {
    if (!known.has(year)) known.set(year, formAt(year));
    return known.get(year) ?? null;
  };
  const formAt = (year: number): readonly string[] | null => {
    const period = periodOfJanuary(year);
    const codes = new Set<string>();
    for (const member of members) {
      const before = (predecessorsOf.get(member) ?? []).filter((s) => period < s.fromPeriod);
      const after = (successorsOf.get(member) ?? []).filter((s) => period >= s.fromPeriod);
      if (before.length > 0) {
        if (!before.every((s) => covered(s.predecessor))) return null;
        for (const s of before) codes.add(s.predecessor);
      } else if (after.length > 0) {
        // A predecessor after its reorganisation: its successors, if all in the area, hold it.
        if (!covered(member)) return null;
      } else codes.add(member);
    }
    return [...codes].sort();
  };
  return { readCodes: [...new Set([...members, ...joinable])].sort(), codesAt, joins: [...joins].sort() };
}

/** The same error with `extensions.field` naming the input, so a client can point at it. */
function naming(error: unknown, field: string): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const code = String(error.extensions.code ?? 'BAD_USER_INPUT') as ErrorCode;
  return new ApiError(code, `${field}: ${error.message}`, { ...error.extensions, field });
}

/**
 * The area a forecast is for: exactly one of an LA, a peer set (its members summed) or England.
 * An unknown LA or set keeps its own code (UNKNOWN_AUTHORITY, BAD_PEER_SELECTOR,
 * TOO_MANY_AUTHORITIES) with `field` naming `area.laCode` or `area.peers`; none or several is
 * BAD_USER_INPUT on `area`.
 * @example resolveForecastArea(reference, { laCode: '886' }).codesAt(2025) // ['886']
 */
export function resolveForecastArea(reference: ReferenceSnapshot, input: ForecastAreaInput): ForecastArea {
  const given = [input.laCode != null, input.peers != null, input.england === true].filter(Boolean).length;
  if (given !== 1) throw new ApiError('BAD_USER_INPUT', 'area: give exactly one of laCode, peers or england: true.', { field: 'area' });
  const nameOf = (code: string) => (code === ENGLAND_CODE ? 'England' : `${reference.authorities.get(code)?.name ?? 'Authority'} (${code})`);
  if (input.england === true) return { label: 'England', members: [ENGLAND_CODE], isEngland: true, readCodes: [ENGLAND_CODE], codesAt: () => [ENGLAND_CODE], joins: [], nameOf, listIncomplete: false, listNote: null };
  let label: string;
  let members: string[];
  let list = { listIncomplete: false, listNote: null as string | null };
  try {
    if (input.laCode != null) {
      const la = requireAuthority(reference, input.laCode);
      [label, members] = [la.name, [la.code]];
    } else {
      const set = resolvePeers(reference, input.peers!);
      [label, members] = [set.label, set.members.map((m) => m.code)];
      list = { listIncomplete: set.listIncomplete, listNote: set.note };
    }
  } catch (error) {
    throw naming(error, input.laCode != null ? 'area.laCode' : 'area.peers');
  }
  return { label, members, isEngland: false, ...geography(members, reference.predecessors), nameOf, ...list };
}
