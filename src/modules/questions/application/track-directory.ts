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
  /**
   * Holds the track (a key-share lock) until the caller's transaction ends: publishing and
   * activating settings, which lock the track and count its active questions, wait for a change
   * of the bank that could shrink a pool, and it waits for them.
   */
  holdTrack(trackId: string): Promise<void>;
  /** Every track, drafts included, by title (for pickers). */
  list(): Promise<readonly Readonly<{ id: string; slug: string; title: string; status: 'draft' | 'published' }>[]>;
};
