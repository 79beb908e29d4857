/**
 * A Content-Disposition header that cannot break out of itself: an ASCII fallback name (only
 * letters, digits, `.`, `-`, `_`) and the exact name in RFC 5987 form for browsers that read it.
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string, fallback = 'download'): string {
  const ascii =
    fileName
      .replace(/[^\w.-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 120) || fallback;
  const exact = encodeURIComponent(fileName.replace(/[\\/\p{Cc}]/gu, '_')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
