import { unknownAuthority, unknownArea } from '../../graphql/errors';
import type { AreaRecord, AuthorityRecord, ReferenceSnapshot } from '../reference/reference.service';
import { type Authority, type AuthorityFilter, AuthorityStatusFilter, ProgrammeFilter } from './authority.type';

export function toAuthority(la: AuthorityRecord): Authority {
  return {
    code: la.code,
    name: la.name,
    onsCode: la.onsCode,
    codes: la.codes,
    isCurrent: la.isCurrent,
    firstPeriod: la.firstPeriod,
    lastPeriod: la.lastPeriod,
    notes: la.notes,
    regionCode: la.regionCode,
  };
}

/** An LA by any of its codes, or UNKNOWN_AUTHORITY. */
export function requireAuthority(reference: ReferenceSnapshot, code: string): AuthorityRecord {
  const la = reference.authority(code);
  if (!la) throw unknownAuthority(code);
  return la;
}

export function requireArea(reference: ReferenceSnapshot, code: string): AreaRecord {
  const area = reference.area(code);
  if (!area) throw unknownArea(code);
  return area;
}

function inProgramme(reference: ReferenceSnapshot, laCode: string, filter: ProgrammeFilter): boolean {
  return reference.programmesOf(laCode).some((p) => {
    if (filter === ProgrammeFilter.SAFETY_VALVE) return p.programme === 'safety_valve';
    if (p.programme !== 'dbv') return false;
    return filter === ProgrammeFilter.DBV_ANY || filter === `dbv_${p.cohort}`;
  });
}

/** Authorities matching a filter, ordered by name then code. */
export function filterAuthorities(reference: ReferenceSnapshot, filter: AuthorityFilter | null | undefined): AuthorityRecord[] {
  const status = filter?.status ?? AuthorityStatusFilter.CURRENT;
  const search = filter?.search?.trim().toLowerCase();
  const region = filter?.region ? requireArea(reference, filter.region).code : undefined;
  return [...reference.authorities.values()]
    .filter((la) => status === AuthorityStatusFilter.ALL || la.isCurrent === (status === AuthorityStatusFilter.CURRENT))
    .filter((la) => !region || la.regionCode === region || reference.areas.get(region)?.regionCode === la.regionCode)
    .filter((la) => !filter?.programme || inProgramme(reference, la.code, filter.programme))
    .filter((la) => !search || la.name.toLowerCase().includes(search) || la.codes.some((c) => c.toLowerCase() === search))
    .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
}

export const encodeCursor = (code: string) => Buffer.from(`la:${code}`).toString('base64url');
export function decodeCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, 'base64url').toString();
  return text.startsWith('la:') ? text.slice(3) : undefined;
}
