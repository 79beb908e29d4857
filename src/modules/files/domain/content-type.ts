/**
 * What a file is, told from its first bytes — never from the client's name or Content-Type.
 * `SNIFF_BYTES` of the head are enough for every signature below.
 */
export const SNIFF_BYTES = 512;

export type SniffedType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'application/pdf'
  | 'application/zip'
  | 'image/svg+xml'
  | 'text/html'
  | 'text/plain'
  | 'application/octet-stream';

type Signature = Readonly<{ type: SniffedType; bytes: readonly (number | null)[]; offset?: number }>;

// null = any byte. Checked in order; the first match wins.
const SIGNATURES: readonly Signature[] = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: [...'GIF87a'].map((c) => c.charCodeAt(0)) },
  { type: 'image/gif', bytes: [...'GIF89a'].map((c) => c.charCodeAt(0)) },
  { type: 'image/webp', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { type: 'application/pdf', bytes: [...'%PDF-'].map((c) => c.charCodeAt(0)) },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

/** The type of a file from its head (at least the first `SNIFF_BYTES` bytes, or the whole file when shorter). */
export function sniffContentType(head: Uint8Array): SniffedType {
  const signature = SIGNATURES.find((candidate) => matches(head, candidate));
  if (signature) return signature.type;
  const text = decodeText(head);
  if (text === undefined) return 'application/octet-stream';
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 256)
    .toLowerCase();
  // Markup a browser would run scripts in: recognised however it is dressed, so it is never served inline.
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg|<svg[\s>])/.test(start)) return 'image/svg+xml';
  if (/^(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>])/.test(start)) {
    return 'text/html';
  }
  return 'text/plain';
}

function matches(head: Uint8Array, signature: Signature): boolean {
  const offset = signature.offset ?? 0;
  if (head.length < offset + signature.bytes.length) return false;
  return signature.bytes.every((byte, index) => byte === null || head[offset + index] === byte);
}

/** The head as text when it is UTF-8 without control characters (a cut multi-byte tail is fine). */
function decodeText(head: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(trimPartialCharacter(head));
  } catch {
    return undefined;
  }
  return [...text].some(isControlCharacter) ? undefined : text;
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL. */
function isControlCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

/** Drops an incomplete UTF-8 sequence at the end, where the head was cut off. */
function trimPartialCharacter(head: Uint8Array): Uint8Array {
  let end = head.length;
  let continuation = 0;
  while (end > 0 && continuation < 3 && (head[end - 1]! & 0xc0) === 0x80) {
    end -= 1;
    continuation += 1;
  }
  if (end === 0) return head;
  const lead = head[end - 1]!;
  const needed = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return needed > continuation ? head.subarray(0, end - 1) : head;
}
