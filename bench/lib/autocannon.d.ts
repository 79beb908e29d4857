// The part of autocannon's programmatic API the bench uses (the package ships no types).
declare module 'autocannon' {
  export type RawRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  export type RequestSpec = RawRequest & {
    setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest | undefined;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  };
  export type Histogram = { average: number; p50: number; p99: number; max: number; total?: number };
  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    latency: Histogram;
    requests: Histogram;
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    requests?: RequestSpec[];
    headers?: Record<string, string>;
    method?: string;
  };
  export type Instance = { stop(): void };
  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
