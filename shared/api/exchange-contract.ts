/** The methods of the API contract for the offline exchange between prefectures and the national level (issue 7). Part of `Api` (contract.ts). */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the issue lands
export interface ExchangeApi {}

export const EXCHANGE_METHODS = [] as const satisfies readonly (keyof ExchangeApi)[];

export type ExchangeMethod = (typeof EXCHANGE_METHODS)[number];
