/** The languages the product speaks: Swedish, the forum's, and English. */
export type Language = 'sv' | 'en';

/** Every language, Swedish first (the default wherever none is asked for). */
export const LANGUAGES = ['sv', 'en'] as const satisfies readonly Language[];
