import type { StatisticsUnit } from '@gonghui/contracts';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { StatisticsUnavailableError } from '../integrations/statistics/statistics.registry.js';
import { listParentDirectory } from './org-tree.repository.js';

/**
 * Looks a unit up in the statistics database (大统计库) by name, for prefilling registration and
 * filing; its district and street are matched to this platform's unions by name.
 */
export async function lookupStatisticsUnit(deps: Deps, name: string): Promise<{ found: boolean; unit: StatisticsUnit | null }> {
  let record;
  try {
    record = await deps.statistics.lookupUnit(name);
  } catch (e) {
    if (e instanceof StatisticsUnavailableError) throw new AppError('STATISTICS_UNAVAILABLE');
    throw e;
  }
  if (!record) return { found: false, unit: null };
  const directory = await listParentDirectory(deps.db);
  // The statistics database says "历下区", "泉城路街道"; the unions are "历下区总工会", "泉城路街道总工会".
  const district = directory.find((d) => d.kind === 'district_federation' && d.name.startsWith(record.district));
  const street = district ? directory.find((d) => d.kind === 'street_union' && d.districtId === district.id && d.name.startsWith(record.street)) : undefined;
  return {
    found: true,
    unit: {
      name: record.name,
      uscc: record.uscc,
      economicType: record.economicType,
      industry: record.industry,
      address: record.address,
      districtName: record.district,
      streetName: record.street,
      districtOrgId: district?.id ?? null,
      streetOrgId: street?.id ?? null,
    },
  };
}
