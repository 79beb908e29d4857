/** Messages of the learning-pages part of the learning journey (Russian). */
export const learningPagesRu = {} as const;
