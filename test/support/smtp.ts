import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it, decoded enough to read what a person would. */
export type CapturedMail = {
  envelope: { from: string; to: string[] };
  /** Header values, RFC 2047 words decoded: `from` is e.g. 'Baza <no-reply@localhost>'. */
  from: string;
  to: string;
  subject: string;
  /** The text/plain and text/html parts, transfer encoding undone, line breaks as `\n`. */
  text: string;
  html: string;
  /** Every header by its lower-case name (the first occurrence), decoded. */
  headers: Readonly<Record<string, string>>;
  /** The user name the client authenticated with, if it did. */
  authUser: string | undefined;
  raw: string;
};

export type TestSmtpServer = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. Any user name and password are accepted. */
  url: string;
  messages: CapturedMail[];
  /** The first message (already received or still to come) that satisfies `predicate`. */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** The next `count` messages are refused with 451 (a temporary failure) after their data. */
  failNext(count: number): void;
  close(): Promise<void>;
};

/** A real SMTP server in this process (no TLS) that keeps what it receives. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<(mail: CapturedMail) => void>();
  let failures = 0;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures > 0) {
          failures -= 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        const user: unknown = session.user;
        const mail = parseMail(
          Buffer.concat(chunks).toString('utf8'),
          envelope,
          typeof user === 'string' ? user : undefined,
        );
        messages.push(mail);
        for (const waiter of waiters) waiter(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(predicate, timeoutMs = 5000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (mail: CapturedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(count) {
      failures = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Entity = { headers: Record<string, string>; body: string };

function parseMail(raw: string, envelope: CapturedMail['envelope'], authUser: string | undefined): CapturedMail {
  const message = splitEntity(raw);
  const parts = { text: '', html: '' };
  collectTextParts(message, parts);
  const header = (name: string) => message.headers[name] ?? '';
  return {
    envelope,
    from: header('from'),
    to: header('to'),
    subject: header('subject'),
    ...parts,
    headers: message.headers,
    authUser,
    raw,
  };
}

/** Headers (unfolded, decoded) and the body after the first empty line. */
function splitEntity(source: string): Entity {
  const end = source.search(/\r?\n\r?\n/);
  const head = end === -1 ? source : source.slice(0, end);
  const body = end === -1 ? '' : source.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The first text/plain and text/html leaves, walking nested multiparts depth first. */
function collectTextParts(entity: Entity, parts: { text: string; html: string }): void {
  const contentType = entity.headers['content-type'] ?? 'text/plain';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return;
    const sections = `\r\n${entity.body}`.split(`\r\n--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith('--')) break;
      collectTextParts(splitEntity(section.replace(/^[ \t]*\r\n/, '')), parts);
    }
    return;
  }
  const key = mediaType === 'text/html' ? 'html' : mediaType === 'text/plain' ? 'text' : undefined;
  if (!key || parts[key] !== '') return;
  const charset = /charset="?([^";]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  const bytes = decodeTransfer(entity.body, entity.headers['content-transfer-encoding'] ?? '7bit');
  parts[key] = new TextDecoder(charset).decode(bytes).replace(/\r\n/g, '\n');
}

function decodeTransfer(body: string, encoding: string): Uint8Array {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return quotedPrintable(body.replace(/=\r?\n/g, ''));
    default:
      return Buffer.from(body, 'utf8');
  }
}

function quotedPrintable(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(text[index] ?? '', 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

/** RFC 2047 encoded words (=?charset?B|Q?…?=); the space between two adjacent words is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, charset: string, kind: string, text: string) => {
      const bytes = kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' '));
      return new TextDecoder(charset).decode(bytes);
    });
}
