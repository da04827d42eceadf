/** What a caller may see: published data (anonymous), one LA's own figures, every LA's, and the service's administration. */
export const ROLES = ['anonymous', 'la_user', 'dfe_analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** How the caller proved who they are. */
export type PrincipalSource = 'none' | 'session' | 'bearer' | 'local';

/**
 * Who is asking, as resolved once per request by the HTTP layer and carried in the GraphQL context.
 * Resolvers read this, never headers or cookies.
 */
export interface Principal {
  readonly role: Role;
  readonly source: PrincipalSource;
  /** The identity provider's subject (`sub`); undefined when anonymous. */
  readonly subject?: string;
  readonly name?: string;
  readonly email?: string;
  /** The one LA (3-digit DfE number) an LA user is bound to. */
  readonly laCode?: string;
}

export const ANONYMOUS: Principal = Object.freeze({ role: 'anonymous', source: 'none' });

/** The embedded mode's one user: no identity provider, one analyst on their own machine. */
export const LOCAL_USER: Principal = Object.freeze({ role: 'admin', source: 'local', subject: 'local', name: 'Local user (embedded mode, no sign-in)' });

/** The claims a role is read from, and which claim values give which role. */
export interface RoleMapping {
  /** The claim holding role names (a string or an array of strings), e.g. `roles`. */
  readonly roleClaim: string;
  /** The claim holding an LA user's 3-digit LA code, e.g. `la_code`. */
  readonly laClaim: string;
  /** Claim value → role, e.g. `{ 'sendbench-admin': 'admin' }`. */
  readonly roles: Readonly<Record<string, Exclude<Role, 'anonymous'>>>;
}

const RANK: Record<Role, number> = { anonymous: 0, la_user: 1, dfe_analyst: 2, admin: 3 };

export class RoleClaimError extends Error {
  readonly code = 'ROLE_CLAIM_INVALID';
}

/**
 * The role the claims give: the highest one any mapped claim value names, else anonymous. An LA
 * user needs a 3-digit LA code in `laClaim`; without one the claims are refused (an LA user bound to
 * no LA would see nothing, or everything).
 *
 * @example roleOfClaims({ sub: 'a', roles: ['sendbench-la'], la_code: '886' }, mapping) // { role: 'la_user', laCode: '886' }
 */
export function roleOfClaims(claims: Readonly<Record<string, unknown>>, mapping: RoleMapping): { role: Role; laCode?: string } {
  const raw = claims[mapping.roleClaim];
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  let role: Role = 'anonymous';
  for (const value of values) {
    const mapped = typeof value === 'string' ? mapping.roles[value] : undefined;
    if (mapped && RANK[mapped] > RANK[role]) role = mapped;
  }
  if (role !== 'la_user') return { role };
  const laCode = claims[mapping.laClaim];
  if (typeof laCode !== 'string' || !/^\d{3}$/.test(laCode)) {
    throw new RoleClaimError(`An LA user's token must carry a 3-digit LA code in the "${mapping.laClaim}" claim (got ${JSON.stringify(laCode ?? null)}).`);
  }
  return { role, laCode };
}

/** Whether `principal` holds `role` or a higher one. */
export function hasRole(principal: Principal, role: Role): boolean {
  return RANK[principal.role] >= RANK[role];
}

/** A principal from verified claims. */
export function principalOfClaims(claims: Readonly<Record<string, unknown>>, mapping: RoleMapping, source: PrincipalSource): Principal {
  const { role, laCode } = roleOfClaims(claims, mapping);
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  return Object.freeze({ role, source, subject: text('sub'), name: text('name') ?? text('preferred_username'), email: text('email'), ...(laCode ? { laCode } : {}) });
}
