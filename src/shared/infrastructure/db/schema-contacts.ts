import type { ColumnType } from 'kysely';

/** The contacts module's tables as Kysely sees them (camelCase). */
export type ContactRequestTable = {
  id: string;
  name: string;
  email: string;
  message: string;
  locale: 'ru' | 'en';
  status: ColumnType<'new' | 'handled', 'new' | 'handled' | undefined, 'new' | 'handled'>;
  handledBy: string | null;
  handledAt: Date | null;
  /** HMAC-SHA256 (hex) of the client's IP address; never the address itself. */
  clientHash: string;
  createdAt: ColumnType<Date, Date, never>;
};

export type ContactRequestNotificationTable = {
  requestId: string;
  recipient: string;
  sentAt: Date;
};

export type ContactsTables = {
  contactRequests: ContactRequestTable;
  contactRequestNotifications: ContactRequestNotificationTable;
};
