import { createHmac, hkdfSync } from 'node:crypto';
import type { ClientHasher } from '../application/ports.ts';

/**
 * HMAC-SHA256 of the client's IP address under a key derived (HKDF) from JWT_SECRET: the same
 * client always hashes alike, so the rate limit recognises it, but the address cannot be read
 * back nor found by hashing every IPv4 address without the secret.
 */
export function createClientHasher(secret: string): ClientHasher {
  const key = Buffer.from(hkdfSync('sha256', secret, 'baza', 'contacts-client-hash', 32));
  return (ip) => createHmac('sha256', key).update(ip.trim().toLowerCase(), 'utf8').digest('hex');
}
