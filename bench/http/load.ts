// One load step: autocannon against one or more servers at once, every response's latency and status
// recorded here (autocannon's own summary has no p95), summed over the servers.
import autocannon from "autocannon";

export type Sample = {
  latencies: number[];
  statuses: Record<number, number>;
  /** Connection errors and timeouts. */
  errors: number;
  /** Wall time of the step, in seconds (the longest of the servers'). */
  seconds: number;
  /** Requests answered per second, summed over the servers. */
  rps: number;
};

export type LoadTarget = {
  base: string;
  connections: number;
  /** Fixed requests for the whole step (split over the connections); otherwise the step runs for `seconds`. */
  amount?: number;
  request: autocannon.Request;
};

function runOne(target: LoadTarget, seconds: number): Promise<Sample> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.base,
        connections: target.connections,
        pipelining: 1,
        // An Excel export or a page under 50 connections may take long; a timeout would hide it as an error.
        timeout: 120,
        ...(target.amount ? { amount: target.amount } : { duration: seconds }),
        requests: [target.request],
      },
      (error, result) => {
        if (error) return reject(error);
        const answered = latencies.length;
        resolve({ latencies, statuses, errors: result.errors, seconds: result.duration, rps: result.duration > 0 ? answered / result.duration : 0 });
      },
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

/** Runs the targets at the same time; their samples are added up (latencies pooled, rates summed). */
export async function runLoad(targets: LoadTarget[], seconds: number): Promise<Sample> {
  const samples = await Promise.all(targets.map((t) => runOne(t, seconds)));
  const statuses: Record<number, number> = {};
  for (const s of samples) for (const [code, n] of Object.entries(s.statuses)) statuses[Number(code)] = (statuses[Number(code)] ?? 0) + n;
  return {
    latencies: samples.flatMap((s) => s.latencies),
    statuses,
    errors: samples.reduce((n, s) => n + s.errors, 0),
    seconds: Math.max(...samples.map((s) => s.seconds)),
    rps: samples.reduce((n, s) => n + s.rps, 0),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export type Stats = {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  unexpected: number;
  seconds: number;
  /** The highest resident memory of the server (A) during the step, in bytes. */
  peakRss?: number;
};

/** Latency percentiles (ms) and rates; `unexpected` counts answers whose status is not `expected`. */
export function statsOf(sample: Sample, expected: number): Stats {
  const sorted = [...sample.latencies].sort((a, b) => a - b);
  const unexpected = Object.entries(sample.statuses).reduce((n, [code, count]) => (Number(code) === expected ? n : n + count), 0);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: sample.rps,
    requests: sorted.length,
    errors: sample.errors,
    unexpected,
    seconds: sample.seconds,
  };
}
