import { createHash, randomBytes } from 'node:crypto';

export type SecretTokens = {
  /** 256 random bits, base64url: session, reset and verification tokens. */
  generate(): string;
  /** What is stored instead of the token: SHA-256, hex. */
  hash(token: string): string;
  /** Distinct one-time codes such as `k7fq-2mzx-9c`, 50 random bits each. */
  recoveryCodes(count: number): string[];
  /** The form whose hash is stored: lowercase, no spaces or dashes. */
  normalizeRecoveryCode(input: string): string;
};

// 32 symbols — 5 bits each, so a random byte maps onto them without bias. There are no 1, i, l
// or o to misread; a typed `o` is read as the zero it was meant to be.
const ALPHABET = '023456789abcdefghjkmnpqrstuvwxyz';
const GROUPS = [4, 4, 2];
const CODE_LENGTH = GROUPS.reduce((sum, length) => sum + length, 0);

export function createSecretTokens(): SecretTokens {
  return {
    generate: () => randomBytes(32).toString('base64url'),
    hash: (token) => createHash('sha256').update(token).digest('hex'),

    recoveryCodes(count) {
      const codes = new Set<string>();
      while (codes.size < count) codes.add(recoveryCode());
      return [...codes];
    },

    normalizeRecoveryCode: (input) => input.normalize('NFKC').toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0'),
  };
}

function recoveryCode(): string {
  const symbols = [...randomBytes(CODE_LENGTH)].map((byte) => ALPHABET[byte & 31]).join('');
  const groups: string[] = [];
  let start = 0;
  for (const length of GROUPS) {
    groups.push(symbols.slice(start, start + length));
    start += length;
  }
  return groups.join('-');
}
