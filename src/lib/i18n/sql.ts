import type { Locale } from './locales.ts';

/**
 * Every user-visible string of the SQL generator (`npm run sql`) and of scoring through DuckDB,
 * in English and French: one line each, saying what is wrong and what to do.
 */
const en = {
  noActiveIcp: 'no ICP is active: set status: active on one, or choose one with --icp <id>',
  unknownIcp: (id: string, ids: string) => `unknown ICP "${id}": the ICPs are ${ids}`,
  columnClash: (column: string, first: string, second: string) =>
    `the column "${column}" would be written twice (${first} and ${second}): rename the key with --key, or the ICP file`,
  inputClash: (column: string, first: string, second: string) =>
    `the staged column "${column}" would be written for both attributes ${first} and ${second}: rename one of them in attributes.yaml`,
  resultColumn: 'a result column',
  icpColumn: (id: string) => `a column of the ICP ${id}`,
  keyColumn: 'a key column (--key)',
  usage:
    'Usage: npm run sql -- --dialect duckdb|postgres|snowflake|bigquery [--icp <id>] [--table <name>] [--key <col,...>] [--staging | --staged]',
  unknownDialect: (value: string, allowed: string) => `unknown dialect "${value}": use one of ${allowed}`,
  missingDialect: (allowed: string) => `--dialect is required: one of ${allowed}`,
  needsValue: (flag: string) => `${flag} needs a value`,
  unknownFlag: (flag: string) =>
    `unknown option "${flag}": use --dialect, --icp, --table, --key, --staging, --staged or --help`,
  badName: (what: string, value: string) =>
    `${what} "${value}" is not a plain SQL name: use letters, digits and underscores (a schema may come first: analytics.accounts)`,
  tableName: 'the table',
  keyName: 'the key column',
  invalidContent: (count: number) =>
    `content is invalid (${count} problem${count === 1 ? '' : 's'}): run npm run validate to see and fix ${count === 1 ? 'it' : 'them'}`,
  unreadable: (count: string, column: string, values: string) =>
    `${count} cell${count === '1' ? '' : 's'} of ${column} could not be read and ${count === '1' ? 'was' : 'were'} scored as unknown (${values}): fix ${count === '1' ? 'it' : 'them'} and score again`,
};

type SqlMessages = typeof en;

const fr: SqlMessages = {
  noActiveIcp:
    'aucun ICP n\u2019est actif\u202f: mettez status: active sur l\u2019un d\u2019eux, ou choisissez-en un avec --icp <id>',
  unknownIcp: (id, ids) => `ICP «\u202f${id}\u202f» inconnu\u202f: les ICP sont ${ids}`,
  columnClash: (column, first, second) =>
    `la colonne «\u202f${column}\u202f» serait écrite deux fois (${first} et ${second})\u202f: renommez la clé avec --key, ou le fichier de l\u2019ICP`,
  inputClash: (column, first, second) =>
    `la colonne préparée «\u202f${column}\u202f» serait écrite pour les deux attributs ${first} et ${second}\u202f: renommez l\u2019un d\u2019eux dans attributes.yaml`,
  resultColumn: 'une colonne de résultat',
  icpColumn: (id) => `une colonne de l\u2019ICP ${id}`,
  keyColumn: 'une colonne clé (--key)',
  usage:
    'Usage\u202f: npm run sql -- --dialect duckdb|postgres|snowflake|bigquery [--icp <id>] [--table <nom>] [--key <col,...>] [--staging | --staged]',
  unknownDialect: (value, allowed) => `dialecte «\u202f${value}\u202f» inconnu\u202f: choisissez parmi ${allowed}`,
  missingDialect: (allowed) => `--dialect est obligatoire\u202f: l\u2019un de ${allowed}`,
  needsValue: (flag) => `${flag} attend une valeur`,
  unknownFlag: (flag) =>
    `option «\u202f${flag}\u202f» inconnue\u202f: utilisez --dialect, --icp, --table, --key, --staging, --staged ou --help`,
  badName: (what, value) =>
    `${what} «\u202f${value}\u202f» n\u2019est pas un nom SQL simple\u202f: lettres, chiffres et soulignés (un schéma peut précéder\u202f: analytics.accounts)`,
  tableName: 'la table',
  keyName: 'la colonne clé',
  invalidContent: (count) =>
    `le contenu est invalide (${count} problème${count === 1 ? '' : 's'})\u202f: lancez npm run validate pour ${count === 1 ? 'le' : 'les'} voir et ${count === 1 ? 'le' : 'les'} corriger`,
  unreadable: (count, column, values) =>
    `${count} cellule${count === '1' ? '' : 's'} de ${column} illisible${count === '1' ? '' : 's'}, comptée${count === '1' ? '' : 's'} comme inconnue${count === '1' ? '' : 's'} (${values})\u202f: corrigez-les et relancez`,
};

export const sqlMessages: Record<Locale, SqlMessages> = { en, fr };
