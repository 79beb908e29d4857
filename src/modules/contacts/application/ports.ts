import type { Outbox } from '../../../shared/application/outbox.ts';
import type { UnitOfWork } from '../../../shared/application/unit-of-work.ts';
import type {
  ContactLocale,
  ContactRequest,
  ContactStatus,
  RateWindow,
  ValidContactInput,
} from '../domain/contact-request.ts';

export type NewContactRequest = ValidContactInput &
  Readonly<{ id: string; locale: ContactLocale; clientHash: string; createdAt: Date }>;

export type ContactRequestRepository = {
  /**
   * Serializes submissions until the transaction ends, so that two concurrent requests cannot
   * both pass the rate check (a contact form is low-volume: one lock for all is enough).
   */
  lockSubmissions(): Promise<void>;
  /**
   * When the window's limit is reached (`max` requests inside it, of this client or, without a
   * client, of everyone): the moment the oldest of them leaves the window; undefined while
   * there is room.
   */
  windowFullUntil(window: RateWindow, now: Date, clientHash?: string): Promise<Date | undefined>;
  insert(request: NewContactRequest): Promise<void>;
  /** The request's status now, its row locked; undefined when there is no such request. */
  lockStatus(id: string): Promise<ContactStatus | undefined>;
  markHandled(id: string, by: string, at: Date): Promise<void>;
  reopen(id: string): Promise<void>;
};

export type ContactsTx = Readonly<{ requests: ContactRequestRepository; outbox: Outbox }>;
export type ContactsUnitOfWork = UnitOfWork<ContactsTx>;

export type ContactListFilter = Readonly<{
  status?: ContactStatus | undefined;
  /** Part of the name or the address, case-insensitive. */
  q?: string | undefined;
  limit: number;
  offset: number;
}>;

export type Page<T> = Readonly<{ items: T[]; total: number }>;

export type ContactReads = {
  list(filter: ContactListFilter): Promise<Page<ContactRequest>>;
  byId(id: string): Promise<ContactRequest | undefined>;
};

/** Staff to notify about a new request: active admins and the owner (from identity). */
export type StaffRecipient = Readonly<{ email: string; displayName: string; locale: 'ru' | 'en' }>;
export type StaffRecipients = { list(): Promise<StaffRecipient[]> };

/** Which staff members were already mailed about a request (delivery is at least once). */
export type NotificationLog = {
  alreadySent(requestId: string): Promise<ReadonlySet<string>>;
  recordSent(requestId: string, recipient: string, at: Date): Promise<void>;
};

/** A keyed, one-way hash of the client's IP address (the address itself is never kept). */
export type ClientHasher = (ip: string) => string;

/** Localized subject, text and HTML of the staff notification (implemented by the http layer). */
export type ContactMailRenderer = (
  recipient: StaffRecipient,
  request: ContactRequest,
) => Readonly<{ subject: string; text: string; html: string }>;

/** The acting user of an admin use case. */
export type ContactsActor = Readonly<{ id: string; role: string }>;

export type IdGenerator = () => string;
