import type { Result } from 'autocannon';
import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../bench/lib/load.ts';

describe('load outcome', () => {
  it('counts non-2xx answers and socket errors as errors', () => {
    const result: Result = {
      duration: 2,
      errors: 3,
      timeouts: 1,
      non2xx: 5,
      latency: { average: 1, p50: 4, p99: 9, max: 12 },
      requests: { average: 100, p50: 100, p99: 100, max: 100 },
      statusCodeStats: { '200': { count: 190 }, '201': { count: 5 }, '429': { count: 4 }, '503': { count: 1 } },
    };
    expect(outcomeOf(result)).toEqual({
      requests: 200,
      durationSeconds: 2,
      requestsPerSecond: 100,
      latencyMs: { p50: 4, p99: 9 },
      errors: 8,
      statuses: { '2xx': 195, '4xx': 4, '5xx': 1, socket: 3 },
    });
  });
});
