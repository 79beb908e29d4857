export type DevMail = Readonly<{ id: string; to: string; subject: string; text: string; html: string; sentAt: Date }>;

/** Reads the development mailbox (the shared mail infrastructure's dev mailbox satisfies it). */
export type DevMailReads = {
  /** The newest `limit` messages, newest first. */
  list(limit: number): Promise<readonly DevMail[]>;
  byId(id: string): Promise<DevMail | undefined>;
};
