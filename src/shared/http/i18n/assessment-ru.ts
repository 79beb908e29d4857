/** Messages of the assessment part of the learning journey (Russian). */
export const assessmentRu = {} as const;
