export type StoredResponse = { status: number; headers: Record<string, string>; body: string };

export type IdempotencyRecord =
  { state: 'in_flight'; requestHash: string } | { state: 'completed'; requestHash: string; response: StoredResponse };

/** Where `Idempotency-Key` requests and their first responses are kept until they expire. */
export type IdempotencyStore = {
  /** Atomically claims the key for this request; false when it is already taken (and unexpired). */
  claim(input: { scope: string; key: string; requestHash: string; expiresAt: Date }): Promise<boolean>;
  find(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  complete(scope: string, key: string, response: StoredResponse): Promise<void>;
  /** Forgets a claim whose request failed on the server, so that the client may retry it. */
  release(scope: string, key: string): Promise<void>;
};
