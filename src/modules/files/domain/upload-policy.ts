import type { SniffedType } from './content-type.ts';

export const FILE_PURPOSES = ['avatar', 'article_image', 'attachment'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

const MIB = 1024 * 1024;

type Policy = Readonly<{ maxBytes: number; types: readonly SniffedType[] | 'any' }>;

/** DOMAIN.md "files": what each purpose accepts. */
export const UPLOAD_POLICIES: Readonly<Record<FilePurpose, Policy>> = {
  avatar: { maxBytes: 2 * MIB, types: ['image/png', 'image/jpeg', 'image/webp'] },
  article_image: { maxBytes: 5 * MIB, types: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] },
  attachment: { maxBytes: 20 * MIB, types: 'any' },
};

export type UploadRefusal =
  | Readonly<{ code: 'too_large'; maxBytes: number }>
  | Readonly<{ code: 'type_not_allowed'; type: SniffedType; allowed: readonly SniffedType[] }>
  | Readonly<{ code: 'empty' }>;

/** Whether a file of this sniffed type and size may be stored for the purpose. */
export function uploadRefusal(purpose: FilePurpose, type: SniffedType, size: number): UploadRefusal | undefined {
  const policy = UPLOAD_POLICIES[purpose];
  if (size === 0) return { code: 'empty' };
  if (size > policy.maxBytes) return { code: 'too_large', maxBytes: policy.maxBytes };
  if (policy.types !== 'any' && !policy.types.includes(type)) {
    return { code: 'type_not_allowed', type, allowed: policy.types };
  }
  return undefined;
}

const INLINE_TYPES: ReadonlySet<SniffedType> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * Whether a browser may show the file in the page: raster images only. SVG and HTML can carry
 * scripts and PDF viewers run some, so everything else is a download.
 */
export function servedInline(type: SniffedType): boolean {
  return INLINE_TYPES.has(type);
}
