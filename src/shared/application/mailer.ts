/** One rendered message: the text part is always present, the HTML part is its twin. */
export type MailMessage = Readonly<{ to: string; subject: string; text: string; html: string }>;

/** Sends mail; throwing means "not sent" (the outbox retries the event later). */
export type Mailer = {
  send(message: MailMessage): Promise<void>;
};
