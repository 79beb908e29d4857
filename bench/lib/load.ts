import autocannon, { type RequestSpec, type Result } from 'autocannon';

export type LoadPlan = {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  durationSeconds: number;
  /** A fixed number of requests (exam starts: one per ready student). */
  amount?: number;
  request: RequestSpec;
};

export type LoadOutcome = {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  errors: number;
  statuses: Record<string, number>;
};

/** Runs autocannon over loopback; every non-2xx answer and socket error counts as an error. */
export function runLoad(plan: LoadPlan): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        timeout: 30,
        ...(plan.amount === undefined ? { duration: plan.durationSeconds } : { amount: plan.amount }),
        requests: [plan.request],
      },
      (error, result) => (error ? reject(error) : resolve(outcomeOf(result))),
    );
  });
}

export function outcomeOf(result: Result): LoadOutcome {
  const statuses: Record<string, number> = {};
  let responses = 0;
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    const kind = `${code[0]}xx`;
    statuses[kind] = (statuses[kind] ?? 0) + Number(count);
    responses += Number(count);
  }
  const socketErrors = result.errors;
  if (socketErrors > 0) statuses.socket = socketErrors;
  const durationSeconds = Math.max(result.duration, 0.001);
  return {
    requests: responses,
    durationSeconds,
    requestsPerSecond: responses / durationSeconds,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    errors: result.non2xx + socketErrors,
    statuses,
  };
}
