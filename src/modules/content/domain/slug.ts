/** Russian (and a few neighbouring) letters in Latin, close to the passport transliteration. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  і: 'i',
  ї: 'i',
  є: 'e',
  ґ: 'g',
  ў: 'u',
};

export const SLUG_MAX = 120;
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Lower-case Latin letters, digits and single hyphens: Cyrillic is transliterated, accents dropped. */
export function slugify(text: string, max = SLUG_MAX): string {
  const latin = [...text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')]
    .map((char) => CYRILLIC[char] ?? char)
    .join('');
  const slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/**
 * Gives each heading a unique anchor from its text: `intro`, `intro-2`, `intro-3`…; a heading
 * without letters or digits becomes `section`.
 */
export function createAnchorSlugger(): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    const base = slugify(text, 80) || 'section';
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
