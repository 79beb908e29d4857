import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, sniffContentType } from './content-type.ts';
import { assertMayUpload, cleanFileName, isPublicPurpose, mayRead } from './access.ts';
import { FileUploadForbiddenError } from './errors.ts';
import { servedInline, uploadRefusal } from './upload-policy.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);
const MIB = 1024 * 1024;

describe('sniffContentType', () => {
  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16), 'image/jpeg'],
    ['GIF89a', text('GIF89a\u0001\u0000'), 'image/gif'],
    ['WebP', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50), 'image/webp'],
    [
      'RIFF that is not WebP (WAV)',
      bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45),
      'application/octet-stream',
    ],
    ['PDF', text('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 20, 0), 'application/zip'],
    ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml'],
    [
      'SVG behind an XML declaration, a comment and a BOM',
      text('\uFEFF<?xml version="1.0"?>\n<!-- hi -->\n<SVG>'),
      'image/svg+xml',
    ],
    ['HTML', text('<!DOCTYPE html><html><body>'), 'text/html'],
    ['HTML that is only a script', text('  <script>alert(1)</script>'), 'text/html'],
    ['plain text in Russian', text('Привет, мир'), 'text/plain'],
    ['an empty file', bytes(), 'text/plain'],
    ['binary with control bytes', bytes(0, 1, 2, 3, 0xfe), 'application/octet-stream'],
    ['invalid UTF-8', bytes(0x61, 0xc3, 0x28, 0x62), 'application/octet-stream'],
  ] as const)('%s → %s', (_name, head, type) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it('ignores what the name or the client says: a PNG named .svg is a PNG, an SVG named .png is SVG', () => {
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffContentType(text('<svg onload="alert(1)">'))).toBe('image/svg+xml');
  });

  it('reads text cut in the middle of a multi-byte character as text', () => {
    const cut = text('я'.repeat(SNIFF_BYTES)).subarray(0, SNIFF_BYTES - 1);
    expect(sniffContentType(cut)).toBe('text/plain');
  });

  it('never throws and never calls random bytes an image without its signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: SNIFF_BYTES }), (head) => {
        const type = sniffContentType(head);
        if (type === 'image/png') expect(head[0]).toBe(0x89);
        if (type === 'image/jpeg') expect([head[0], head[1]]).toEqual([0xff, 0xd8]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('uploadRefusal', () => {
  it('accepts what each purpose allows within its limit', () => {
    expect(uploadRefusal('avatar', 'image/webp', 2 * MIB)).toBeUndefined();
    expect(uploadRefusal('article_image', 'image/gif', 5 * MIB)).toBeUndefined();
    expect(uploadRefusal('attachment', 'application/zip', MIB)).toBeUndefined();
  });

  it('refuses a file over the limit, of the wrong type, or empty', () => {
    expect(uploadRefusal('avatar', 'image/png', 2 * MIB + 1)).toEqual({ code: 'too_large', maxBytes: 2 * MIB });
    expect(uploadRefusal('avatar', 'image/svg+xml', 100)).toEqual({
      code: 'type_not_allowed',
      type: 'image/svg+xml',
      allowed: ['image/png', 'image/jpeg', 'image/webp'],
    });
    expect(uploadRefusal('article_image', 'text/html', 100)).toMatchObject({ code: 'type_not_allowed' });
    expect(uploadRefusal('attachment', 'text/plain', 0)).toEqual({ code: 'empty' });
  });

  it('serves only raster images inline: SVG, HTML and PDF are downloads', () => {
    expect(servedInline('image/png')).toBe(true);
    expect(servedInline('image/svg+xml')).toBe(false);
    expect(servedInline('text/html')).toBe(false);
    expect(servedInline('application/pdf')).toBe(false);
  });
});

describe('who may upload and download', () => {
  const owner = { id: 'u1', role: 'student' } as const;

  it('article images are for staff; avatars and attachments for anyone signed in', () => {
    expect(() => assertMayUpload({ role: 'student' }, 'article_image')).toThrow(FileUploadForbiddenError);
    for (const role of ['moderator', 'admin', 'owner'] as const) {
      expect(() => assertMayUpload({ role }, 'article_image')).not.toThrow();
    }
    expect(() => assertMayUpload({ role: 'student' }, 'avatar')).not.toThrow();
    expect(() => assertMayUpload({ role: 'student' }, 'attachment')).not.toThrow();
  });

  it('public purposes are for everyone; an attachment only for its owner and staff', () => {
    expect(mayRead(undefined, { ownerId: 'u1', purpose: 'avatar' })).toBe(true);
    expect(mayRead(undefined, { ownerId: 'u1', purpose: 'article_image' })).toBe(true);
    expect(mayRead(undefined, { ownerId: 'u1', purpose: 'attachment' })).toBe(false);
    expect(mayRead({ id: 'u2', role: 'student' }, { ownerId: 'u1', purpose: 'attachment' })).toBe(false);
    expect(mayRead(owner, { ownerId: 'u1', purpose: 'attachment' })).toBe(true);
    expect(mayRead({ id: 'u3', role: 'moderator' }, { ownerId: 'u1', purpose: 'attachment' })).toBe(true);
    expect(isPublicPurpose('attachment')).toBe(false);
    expect(isPublicPurpose('avatar')).toBe(true);
  });
});

describe('cleanFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\evil.png', 'evil.png'],
    ['C:\\fakepath\\photo.jpg', 'photo.jpg'],
    ['..', 'file'],
    ['', 'file'],
    ['  .hidden  ', 'hidden'],
    ['a\u0000b\u202e\r\n.txt', 'ab.txt'],
    ['отчёт 2024.pdf', 'отчёт 2024.pdf'],
  ])('%j → %j', (name, cleaned) => {
    expect(cleanFileName(name)).toBe(cleaned);
  });

  it('never keeps a slash, a backslash, a control character or a leading dot, and stays short', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const cleaned = cleanFileName(name);
        expect(cleaned).not.toMatch(/[\\/\p{Cc}]|^\./u);
        expect(cleaned.length).toBeGreaterThan(0);
        expect(cleaned.length).toBeLessThanOrEqual(255);
      }),
      { numRuns: 2000 },
    );
  });
});
