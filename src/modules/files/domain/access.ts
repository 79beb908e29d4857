import { FileUploadForbiddenError } from './errors.ts';
import type { FilePurpose } from './upload-policy.ts';

export type Role = 'student' | 'moderator' | 'admin' | 'owner';
export type Reader = Readonly<{ id: string; role: Role }> | undefined;

const isStaff = (role: Role) => role === 'moderator' || role === 'admin' || role === 'owner';

/**
 * Who may upload: an avatar or an attachment — any signed-in (active) user; an article image —
 * moderators, admins and the owner.
 */
export function assertMayUpload(actor: Readonly<{ role: Role }>, purpose: FilePurpose): void {
  if (purpose === 'article_image' && !isStaff(actor.role)) throw new FileUploadForbiddenError(purpose);
}

/**
 * Who may download: avatars and article images are public (anyone, guests too); an attachment
 * only its owner and staff. Everyone else is told it does not exist.
 */
export function mayRead(reader: Reader, file: Readonly<{ ownerId: string; purpose: FilePurpose }>): boolean {
  if (file.purpose !== 'attachment') return true;
  return reader !== undefined && (reader.id === file.ownerId || isStaff(reader.role));
}

/** Public files may be cached by anyone for good (a new upload gets a new id); attachments privately. */
export function isPublicPurpose(purpose: FilePurpose): boolean {
  return purpose !== 'attachment';
}

/** The uploader's name as a download name: no directories (either slash), no control characters. */
export function cleanFileName(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 255)
    .trim();
  return base || 'file';
}
