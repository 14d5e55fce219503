import http from 'node:http';

export interface LoadResult {
  /** Latencies of the requests completed in the measured window, sorted, in ms. */
  latencies: Float64Array;
  perSecond: number;
  errors: number;
  /** What `measure` returned for the measured window (e.g. CPU seconds spent, by whom). */
  measured: Record<string, number | null>;
}

/** Snapshots taken when the measured window opens and after it closes; the result is their difference. */
export type Measure = () => Promise<() => Promise<Record<string, number | null>>>;

/**
 * Closed loop: `concurrency` clients each send their next request as soon as the last one answers.
 * The first `warmupMs` are not measured (connections, plans and caches settle).
 */
export async function closedLoop(
  concurrency: number,
  warmupMs: number,
  durationMs: number,
  request: (client: number, i: number) => Promise<boolean>,
  measure?: Measure,
): Promise<LoadResult> {
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const opened = new Promise<Awaited<ReturnType<Measure>> | undefined>((resolve) => setTimeout(() => resolve(measure?.()), warmupMs));
  const end = measureFrom + durationMs;
  const lat: number[][] = Array.from({ length: concurrency }, () => []);
  let errors = 0;
  let i = 0;
  let lastDone = measureFrom;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, c) => {
      for (;;) {
        const t0 = performance.now();
        if (t0 >= end) return;
        const ok = await request(c, i++);
        const t1 = performance.now();
        if (t0 >= measureFrom) {
          lat[c].push(t1 - t0);
          if (!ok) errors++;
          if (t1 > lastDone) lastDone = t1;
        }
      }
    }),
  );
  const close = await opened;
  const measured = close ? await close() : {};
  const all = Float64Array.from(lat.flat()).sort();
  return { latencies: all, perSecond: all.length / ((lastDone - measureFrom) / 1000), errors, measured };
}

export const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** One keep-alive connection per client, like sixteen browsers. */
export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  cookie = '';
  constructor(private readonly port: number) {}

  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** GET that only needs the status (the body is read, not parsed). */
  async ok(path: string): Promise<boolean> {
    return (await this.request('GET', path)).status === 200;
  }

  close() {
    this.agent.destroy();
  }
}
