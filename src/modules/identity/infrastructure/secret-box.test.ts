import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';

const box = createSecretBox('a deployment secret of at least 32 characters');

describe('secret box', () => {
  it('opens what it sealed, and never seals the same way twice', () => {
    const sealed = box.seal('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('GEZDGNBV');
    expect(box.open(sealed)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(box.seal('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).not.toBe(sealed);
    expect(box.open(box.seal('юникод ✓'))).toBe('юникод ✓');
  });

  it('refuses a value altered in any part', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    for (let index = 1; index < parts.length; index += 1) {
      const bytes = Buffer.from(parts[index]!, 'base64url');
      bytes[0]! ^= 1;
      const altered = parts.with(index, bytes.toString('base64url')).join('.');
      expect(() => box.open(altered)).toThrow();
    }
    expect(() => box.open(sealed.replace(/^v1/, 'v2'))).toThrow();
    expect(() => box.open(parts.slice(0, 3).join('.'))).toThrow();
    expect(() => box.open('')).toThrow();
  });

  it('cannot be opened under another secret', () => {
    const other = createSecretBox('another deployment secret, also 32+ characters');
    expect(() => other.open(box.seal('secret'))).toThrow();
  });
});
