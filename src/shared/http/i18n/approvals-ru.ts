/** Messages of the approvals part of the learning journey (Russian). */
export const approvalsRu = {} as const;
