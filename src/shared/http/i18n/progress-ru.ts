/** Messages of the progress part of the learning journey (Russian). */
export const progressRu = {} as const;
