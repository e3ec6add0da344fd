/** The methods of the API contract for the Excel and CSV exports of allocation decisions (issue 6). Part of `Api` (contract.ts). */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the issue lands
export interface ExportsApi {}

export const EXPORTS_METHODS = [] as const satisfies readonly (keyof ExportsApi)[];

export type ExportsMethod = (typeof EXPORTS_METHODS)[number];
