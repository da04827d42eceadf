import type { Db } from '../../src/db/database';

/** The LA a code (DfE number or any E-code seen) stands for, with its name. */
export function findAuthorityByCode(db: Db, code: string) {
  return db
    .selectFrom('la_code_alias as a')
    .innerJoin('local_authority as la', 'la.la_code', 'a.la_code')
    .select(['la.la_code', 'la.name', 'la.is_current'])
    .where('a.code', '=', code)
    .executeTakeFirst();
}

export function findAuthority(db: Db, laCode: string) {
  return db.selectFrom('local_authority').select(['la_code', 'name', 'is_current', 'ons_code']).where('la_code', '=', laCode).executeTakeFirst();
}

/** The successors recorded for a predecessor LA, in code order. */
export function successorsOf(db: Db, predecessorCode: string) {
  return db
    .selectFrom('la_predecessor')
    .select(['successor_code', 'from_period'])
    .where('predecessor_code', '=', predecessorCode)
    .orderBy('successor_code')
    .execute();
}
