import { normalizeUnitName, StatisticsUnavailableError, type StatisticsRegistry, type UnitRecord } from './statistics.registry.js';
import { knownUnits } from './statistics.units.js';

export interface StatisticsSimulatorOptions {
  /** Answer latency range in ms, like the real service's. */
  latencyMs?: [number, number];
  /** Probability that a lookup fails, to exercise error paths. */
  failureRate?: number;
  /** Extra units beyond the built-in list (tests). */
  units?: UnitRecord[];
}

/**
 * An embedded statistics database (大统计库): a fixed set of known units, answered after some
 * latency, and faults on demand (`failNext`, or a failure rate) so the callers' error paths run.
 */
export class StatisticsSimulator implements StatisticsRegistry {
  private readonly byName = new Map<string, UnitRecord>();
  failNext = 0;
  lookups = 0;

  constructor(private readonly opts: StatisticsSimulatorOptions = {}) {
    for (const u of [...knownUnits(), ...(opts.units ?? [])]) this.byName.set(normalizeUnitName(u.name), u);
  }

  async lookupUnit(name: string): Promise<UnitRecord | null> {
    this.lookups++;
    const [min, max] = this.opts.latencyMs ?? [80, 400];
    await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
    if (this.failNext > 0 || Math.random() < (this.opts.failureRate ?? 0)) {
      this.failNext = Math.max(0, this.failNext - 1);
      throw new StatisticsUnavailableError('statistics database unavailable (simulated)');
    }
    const u = this.byName.get(normalizeUnitName(name));
    return u ? { ...u } : null;
  }

  /** Every unit it knows, for the demo and tests. */
  all(): UnitRecord[] {
    return [...this.byName.values()].map((u) => ({ ...u }));
  }
}
