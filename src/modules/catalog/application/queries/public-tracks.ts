import { TrackNotFoundError } from '../../domain/errors.ts';
import type { CatalogDeps } from '../deps.ts';
import type { Page, Paging, PublicTrack, TrackCard } from '../reads.ts';

/** Published tracks for everyone, by title. Drafts never show. */
export function makeListPublishedTracks(deps: Pick<CatalogDeps, 'reads'>) {
  return async function listPublishedTracks(input: Paging): Promise<Page<TrackCard>> {
    return deps.reads.publishedTracks(input);
  };
}

/** A published track with its stages and modules in order; a draft or unknown slug is 404. */
export function makeGetPublishedTrack(deps: Pick<CatalogDeps, 'reads'>) {
  return async function getPublishedTrack(input: { slug: string }): Promise<PublicTrack> {
    const track = await deps.reads.publishedTrack(input.slug);
    if (!track) throw new TrackNotFoundError(input.slug);
    return track;
  };
}
