/** A fact that happened inside a transaction, delivered to handlers after it commits. */
export type OutboxEvent = Readonly<{ type: string; payload: Readonly<Record<string, unknown>> }>;

/** Written inside a use case's transaction: the event exists if and only if the change does. */
export type Outbox = {
  add(event: OutboxEvent): Promise<void>;
};

export type DeliveredEvent = OutboxEvent & Readonly<{ id: string; occurredAt: Date }>;

/**
 * Delivery is at least once: a handler must be idempotent (use `event.id` to recognise a
 * repeat). Throwing leaves the event to be retried later with backoff.
 */
export type OutboxHandler = (event: DeliveredEvent) => Promise<void>;

export type OutboxHandlers = ReadonlyMap<string, readonly OutboxHandler[]>;
