export type StoredResponse = { status: number; headers: Record<string, string>; body: string };

export type IdempotencyRecord =
  { state: 'in_flight'; requestHash: string } | { state: 'completed'; requestHash: string; response: StoredResponse };

export type IdempotencyClaim = { scope: string; key: string; owner: string };

/**
 * Where `Idempotency-Key` requests and their first responses are kept. A claim is a lease held
 * by one request (`owner`); only that request may complete or release it, and a lease that runs
 * out (the process died mid-request) may be taken over by a retry.
 */
export type IdempotencyStore = {
  /** Atomically claims the key; false when a live claim or a stored response holds it. */
  claim(claim: IdempotencyClaim & { requestHash: string; leaseUntil: Date }): Promise<boolean>;
  find(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  complete(claim: IdempotencyClaim, response: StoredResponse, keepUntil: Date): Promise<void>;
  /** Forgets a claim whose request failed on the server, so that the client may retry it. */
  release(claim: IdempotencyClaim): Promise<void>;
};
