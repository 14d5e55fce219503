/** A unit (法人单位) as the statistics database (大统计库) records it. */
export interface UnitRecord {
  name: string;
  /** Unified social credit code, GB 32100. */
  uscc: string;
  economicType: string;
  /** GB/T 4754 section (国民经济行业门类). */
  industry: string;
  address: string;
  /** District or county, e.g. 历下区. */
  district: string;
  /** Street, town or development zone, e.g. 泉城路街道. */
  street: string;
}

/** The statistics database cannot be reached or answered with a fault. */
export class StatisticsUnavailableError extends Error {}

/** The statistics database as the platform sees it; the real service and the simulator both implement it. */
export interface StatisticsRegistry {
  /** The unit registered under this exact name (after normalising), or null; rejects with StatisticsUnavailableError. */
  lookupUnit(name: string): Promise<UnitRecord | null>;
}

/** Names as people type them: NFKC (full-width brackets), no spaces. */
export function normalizeUnitName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').trim();
}
