import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type Totp = {
  /** 20 random bytes, base32 without padding. */
  generateSecret(): string;
  /** The `otpauth://` URI an authenticator app reads from a QR code. */
  keyUri(secret: string, accountName: string): string;
  codeAt(secret: string, at: Date): string;
  /**
   * The time step the code belongs to (the current one or one step either side), or undefined.
   * Steps up to `lastUsedStep` are refused: store the returned step so a code works only once.
   */
  verify(secret: string, code: string, at: Date, lastUsedStep: number | null): number | undefined;
};

const DIGITS = 6;
const PERIOD_SECONDS = 30;
const SECRET_BYTES = 20;
const DRIFT_STEPS = 1;

/** RFC 6238 TOTP with the parameters every authenticator app supports: SHA-1, 6 digits, 30 s. */
export function createTotp(options: { issuer: string }): Totp {
  return {
    generateSecret: () => base32Encode(randomBytes(SECRET_BYTES)),

    keyUri(secret, accountName) {
      const issuer = encodeURIComponent(options.issuer);
      const label = `${issuer}:${encodeURIComponent(accountName)}`;
      return `otpauth://totp/${label}?secret=${secret}&issuer=${issuer}&algorithm=SHA1&digits=${DIGITS}&period=${PERIOD_SECONDS}`;
    },

    codeAt: (secret, at) => hotp(base32Decode(secret), stepAt(at)),

    verify(secret, code, at, lastUsedStep) {
      const given = code.replace(/\s/g, '');
      if (!/^\d{6}$/.test(given)) return undefined;
      const key = base32Decode(secret);
      const current = stepAt(at);
      let matched: number | undefined;
      // Every candidate is compared, so the time taken does not depend on which one matches.
      for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step += 1) {
        const equal = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(given));
        if (equal && (lastUsedStep === null || step > lastUsedStep)) matched = step;
      }
      return matched;
    },
  };
}

function stepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);
}

// RFC 4226, section 5.3: HMAC over the big-endian counter, then dynamic truncation.
function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac.readUInt8(mac.length - 1) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // RFC 4648, section 6

export function base32Encode(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff; // only the unread bits matter
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      output += ALPHABET[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) output += ALPHABET[(buffer << (5 - bits)) & 31];
  return output;
}

/** Case-insensitive; spaces and padding are ignored. Throws on any other character. */
export function base32Decode(text: string): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.toUpperCase().replace(/[\s=]/g, '')) {
    const value = ALPHABET.indexOf(char);
    if (value === -1) throw new Error('Invalid base32 character');
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}
