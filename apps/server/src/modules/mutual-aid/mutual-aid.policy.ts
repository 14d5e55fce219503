import { isBaseUnionKind } from '@gonghui/contracts';
import type { ScopedCaller } from '../../platform/auth-context.js';
import { AppError } from '../../platform/errors.js';
import type { OrgRow } from '../organisations/index.js';

/**
 * Who may do what in mutual aid, beyond the permission the route checks and the subtree scope
 * every query applies: the association (济南市职工互助互济会) is run by the city federation, so
 * only its posts set plans; a unit's enrolment is submitted by the unit's own union, never by an
 * upper union on its behalf (the upper union is the one that reviews it).
 */
export function assertAssociation(caller: ScopedCaller): void {
  if (caller.post.orgKind !== 'city_federation') throw new AppError('MUTUAL_AID_PLAN_OWNER');
}

export function assertOwnUnit(caller: ScopedCaller, org: OrgRow): void {
  if (!isBaseUnionKind(org.kind) || caller.post.orgId !== org.id) throw new AppError('MUTUAL_AID_NOT_A_UNIT');
  if (org.status !== 'active') throw new AppError('ORG_REVOKED');
}
