/** The languages a playbook can be written in (`locale:` in playbook.yaml): every UI string exists in each. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
