/** A track as the question bank sees it: where questions can go. */
export type TrackOutline = Readonly<{
  id: string;
  slug: string;
  title: string;
  status: 'draft' | 'published';
  /** In position order. */
  stages: readonly Readonly<{ id: string; position: number; title: string }>[];
  /** In position order. */
  modules: readonly Readonly<{ id: string; slug: string; title: string; position: number }>[];
}>;

/** Implemented by the catalog module, wired in the composition root. */
export type TrackDirectory = {
  /** By id, or by slug when `idOrSlug` is not a UUID (the CLI takes either). */
  outline(idOrSlug: string): Promise<TrackOutline | undefined>;
  /** Every track, drafts included, by title (for pickers). */
  list(): Promise<readonly Readonly<{ id: string; slug: string; title: string; status: 'draft' | 'published' }>[]>;
};
