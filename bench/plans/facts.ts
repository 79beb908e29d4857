import type { FastifyInstance } from 'fastify';
import { type Actor, expectStatus } from './http.ts';
import type { Facts } from './operations.ts';

/**
 * Finds, through the API and before anything is measured, the ids and search words the
 * operations use: whatever the seed generated, the operations ask for things that exist.
 */
export async function discoverFacts(app: FastifyInstance, staff: Actor, trackSlug: string): Promise<Facts> {
  const getJson = async <T>(url: string, headers: Record<string, string> = {}): Promise<T> => {
    const response = await app.inject({ method: 'GET', url, headers });
    expectStatus(response, `discovering facts: GET ${url}`, 200);
    return response.json<T>();
  };
  type Listed = { items: { slug: string; title: string; summary?: string; tags: string[] }[]; total: number };
  const tracks = await getJson<{ items: { id: string; slug: string }[] }>('/api/v1/tracks');
  const track = tracks.items.find((candidate) => candidate.slug === trackSlug);
  if (!track) throw new Error(`track ${trackSlug} is not among the published tracks`);
  const articles = await getJson<Listed>('/api/v1/articles?limit=50');
  const first = articles.items[0];
  if (!first) throw new Error('no published articles: is the database seeded?');
  const ru = await getJson<Listed>('/api/v1/articles?locale=ru&limit=50');
  const en = await getJson<Listed>('/api/v1/articles?locale=en&limit=50');
  const matrix = await getJson<{ items: { question: string }[] }>('/api/v1/matrix/items');
  const pending = await getJson<{ items: { id: string }[] }>('/api/v1/admin/approvals?status=pending', staff.headers);
  const approval = pending.items[0];
  if (!approval) throw new Error('the approvals queue is empty: the seed should leave students waiting for approval');
  return {
    trackId: track.id,
    trackSlug: track.slug,
    articleSlug: first.slug,
    ruWord:
      wordFrom(
        ru.items.map((item) => `${item.title} ${item.summary ?? ''}`),
        /^[а-яё]{5,}$/i,
      ) ?? 'урок',
    enWord:
      wordFrom(
        en.items.map((item) => `${item.title} ${item.summary ?? ''}`),
        /^[a-z]{5,}$/i,
      ) ?? 'lesson',
    tag: articles.items.flatMap((item) => item.tags)[0] ?? 'news',
    articleTotal: articles.total,
    matrixWord:
      wordFrom(
        matrix.items.map((item) => item.question),
        /^[\p{L}]{4,}$/u,
      ) ?? 'как',
    approvalId: approval.id,
  };
}

/** The most frequent word of the given shape: a search that finds something, but not everything. */
function wordFrom(texts: string[], shape: RegExp): string | undefined {
  const counts = new Map<string, number>();
  for (const word of texts.join(' ').split(/[^\p{L}]+/u)) {
    if (!shape.test(word)) continue;
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
