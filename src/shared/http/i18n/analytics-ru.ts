/** Messages of the analytics part of the learning journey (Russian). */
export const analyticsRu = {} as const;
