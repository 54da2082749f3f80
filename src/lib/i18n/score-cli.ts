// What `npm run score` prints besides the CSV (usage, one-line errors, notices, the summary), in
// the playbook's language. The CSV itself (column names, verdict values) stays as documented in
// docs/scoring.md whatever the language. Numbers and times arrive formatted in the locale.
// French: a narrow no-break space before : ; ? ! and « guillemets ».
import type { Locale } from './locales.ts';

const N = '\u202f';
const USAGE =
  'npm run --silent score -- <accounts.csv | accounts.parquet | -> [--icp <id>] [--out <file>] [--only-keys | --keys <columns>] [--verbose] [--engine ts|duckdb]';
const OPTIONS = '--icp <id>, --out <file>, --only-keys, --keys <columns>, --verbose, --engine ts|duckdb';

const en = {
  usage: `Usage: ${USAGE}`,
  help: `Usage: ${USAGE}

Scores each account (one row per account) against the playbook's ICPs and writes the same CSV
with the columns icp, verdict, score, best, tier, provisional_tier and reasons added (see
docs/scoring.md). Columns are named by attribute id, label or alias (see
content/attributes.yaml); other columns are kept as they are. Files in UTF-8, UTF-16 (with a
BOM) or Windows-1252 are read; the result is UTF-8.

  --icp <id>     score against this ICP only (whatever its status);
                 default: the best fit among the active ICPs
  --out <file>   write the result to this file (.parquet writes Parquet with DuckDB);
                 default: standard output
  --engine <e>   ts (default for CSV) or duckdb (default for .parquet): score through the
                 generated DuckDB SQL on every core (see docs/sql.md)
  --only-keys    write only the columns that are not attributes (record id,
                 name, phone…) before the results: a CRM update then changes
                 nothing but the results
  --keys <a,b>   write only these columns (comma-separated header names)
                 before the results
  --verbose      list every cell that could not be read (by default, values
                 not recognised are summarised by column, with counts)
  -              read the CSV from standard input
  --help         show this help`,
  needsValue: (flag: string) => `${flag} needs a value. Usage: ${USAGE}`,
  unknownEngine: (engine: string) => `unknown engine "${engine}": use --engine ts or --engine duckdb`,
  badThreads: (value: string) =>
    `ICP_SCORE_THREADS is "${value}": write how many threads score a big file (a whole number, 1 or more), or unset it for one per core`,
  badParallelMinBytes: (value: string) =>
    `ICP_SCORE_PARALLEL_MIN_BYTES is "${value}": write the size in bytes from which a file is scored on several threads (a whole number, 0 or more), or unset it for 8 MiB`,
  keysNeedNames: `--keys needs column names, e.g. --keys "Record ID,Company name". Usage: ${USAGE}`,
  unknownOption: (flag: string) => `unknown option "${flag}": use ${OPTIONS} or --help`,
  noFile: `no CSV file given. Usage: ${USAGE}`,
  oneFile: (count: number, files: string) => `one CSV file at a time, got ${count} (${files}). Usage: ${USAGE}`,
  outFolderMissing: (path: string, folder: string) => `cannot write ${path}: the folder ${folder} does not exist`,
  outIsFolder: (path: string, example: string) =>
    `cannot write ${path}: it is a folder, give a file name such as ${example}`,
  outIsInput: (path: string, example: string) =>
    `--out ${path} is the input file: write the result to another file, e.g. --out ${example}`,
  cannotWrite: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
  noSuchFile: (path: string) => `cannot read ${path}: there is no such file`,
  inputIsFolder: (path: string) => `cannot read ${path}: it is a folder, give a CSV file`,
  moreProblems: '... more problems with rows (not listed)',
  unreadableTitle: (verbose: boolean) =>
    `Values not recognised, by column (most frequent first${verbose ? '' : '; --verbose lists every cell'}):`,
  aliasHint:
    "To read a value of a choice column, add it to an option's aliases in content/attributes.yaml (see docs/scoring.md); fix the others in the file.",
  cellsUnread: (total: string, count: number) =>
    `${total} cell${count === 1 ? '' : 's'} could not be read: ${count === 1 ? 'that value was' : 'those values were'} scored as unknown.`,
  progress: (rows: string) => `Scored ${rows} accounts…`,
  duckdbProgress: (percent: number) => `Scoring with DuckDB… ${percent} %`,
  invalidContent: (count: number) =>
    `content is invalid (${count} problem${count === 1 ? '' : 's'}): run npm run validate to see and fix ${count === 1 ? 'it' : 'them'}`,
  unknownIcp: (id: string, suggestion: string | undefined, ids: string) =>
    `unknown ICP "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: the ICPs are ${ids}`,
  duckdbStdin: '--engine duckdb reads a file, not standard input: give the file name',
  duckdbKeys:
    '--only-keys and --keys are not available with --engine duckdb: score with the TypeScript engine (drop --engine duckdb), or select columns from the result',
  parquetWithTs: (input: string) =>
    `${input} is a Parquet file: the TypeScript scorer reads CSV; drop --engine ts to score it with DuckDB`,
  interrupted: (signal: string, out: string | undefined) =>
    `Interrupted (${signal}): nothing written${out ? `; ${out} is unchanged` : ''}.`,
  bestFitOf: (ids: string) => `best fit of ${ids}`,
  /** Seconds with one decimal. `Scored 42 accounts (30 fit, 3 unknown, 9 out) against best fit of a, b in 0.1 s → out.csv.` */
  summary: (s: {
    rows: string;
    count: number;
    fit: string;
    unknown: string;
    out: string;
    against: string;
    seconds: number;
    duckdb: boolean;
    file: string | undefined;
  }) =>
    `Scored ${s.rows} account${s.count === 1 ? '' : 's'} (${s.fit} fit, ${s.unknown} unknown, ${s.out} out) against ${s.against}${s.duckdb ? ' with DuckDB' : ''} in ${Number(s.seconds).toFixed(1)} s${s.file ? ` → ${s.file}` : ''}.`,
  cannotWriteResult: (reason: string) => `cannot write the result: ${reason}`,
  cannotOpen: (reason: string) => `cannot open a file: ${reason}`,
  crashed: (reason: string) =>
    `The scorer stopped on an unexpected error (${reason}). Please report it with the command you ran.`,
  npmBanner: (name: string) =>
    `npm has written its "> ${name} score" banner into standard output, before the CSV: run npm run --silent score -- … (or node scripts/score.ts …), or use --out <file>`,
};

export type ScoreCliMessages = typeof en;

const fr: ScoreCliMessages = {
  usage: `Usage${N}: ${USAGE}`,
  help: `Usage${N}: ${USAGE}

Note chaque compte (une ligne par compte) selon les ICP du playbook et écrit le même CSV, avec
les colonnes icp, verdict, score, best, tier, provisional_tier et reasons en plus (voir
docs/scoring.md). Les colonnes sont nommées par l’identifiant, le libellé ou un alias d’un
attribut (voir content/attributes.yaml)${N}; les autres colonnes sont gardées telles quelles. Les
fichiers en UTF-8, UTF-16 (avec BOM) ou Windows-1252 sont lus${N}; le résultat est en UTF-8.

  --icp <id>     noter selon cet ICP seulement (quel que soit son statut)${N};
                 par défaut${N}: le meilleur ICP parmi les ICP actifs
  --out <file>   écrire le résultat dans ce fichier (.parquet écrit du Parquet avec DuckDB)${N};
                 par défaut${N}: la sortie standard
  --engine <e>   ts (par défaut pour un CSV) ou duckdb (par défaut pour un .parquet)${N}: noter
                 avec le SQL DuckDB généré, sur tous les cœurs (voir docs/sql.md)
  --only-keys    écrire seulement les colonnes qui ne sont pas des attributs
                 (identifiant, nom, téléphone…) avant les résultats${N}: une mise à
                 jour du CRM ne change alors que les résultats
  --keys <a,b>   écrire seulement ces colonnes (noms d’en-tête séparés par des
                 virgules) avant les résultats
  --verbose      lister chaque cellule illisible (par défaut, les valeurs non
                 reconnues sont résumées par colonne, avec leur nombre)
  -              lire le CSV sur l’entrée standard
  --help         afficher cette aide`,
  needsValue: (flag) => `${flag} attend une valeur. Usage${N}: ${USAGE}`,
  unknownEngine: (engine) => `moteur «${N}${engine}${N}» inconnu${N}: utilisez --engine ts ou --engine duckdb`,
  badThreads: (value) =>
    `ICP_SCORE_THREADS vaut «${N}${value}${N}»${N}: indiquez combien de fils notent un gros fichier (un nombre entier, 1 ou plus), ou retirez la variable pour un fil par cœur`,
  badParallelMinBytes: (value) =>
    `ICP_SCORE_PARALLEL_MIN_BYTES vaut «${N}${value}${N}»${N}: indiquez la taille en octets à partir de laquelle un fichier est noté sur plusieurs fils (un nombre entier, 0 ou plus), ou retirez la variable pour 8${N}Mio`,
  keysNeedNames: `--keys attend des noms de colonnes, par exemple --keys "Record ID,Company name". Usage${N}: ${USAGE}`,
  unknownOption: (flag) => `option «${N}${flag}${N}» inconnue${N}: utilisez ${OPTIONS} ou --help`,
  noFile: `aucun fichier CSV indiqué. Usage${N}: ${USAGE}`,
  oneFile: (count, files) => `un seul fichier CSV à la fois, ${count} reçus (${files}). Usage${N}: ${USAGE}`,
  outFolderMissing: (path, folder) => `impossible d’écrire ${path}${N}: le dossier ${folder} n’existe pas`,
  outIsFolder: (path, example) =>
    `impossible d’écrire ${path}${N}: c’est un dossier, donnez un nom de fichier comme ${example}`,
  outIsInput: (path, example) =>
    `--out ${path} est le fichier lu${N}: écrivez le résultat dans un autre fichier, par exemple --out ${example}`,
  cannotWrite: (path, reason) => `impossible d’écrire ${path}${N}: ${reason}`,
  noSuchFile: (path) => `impossible de lire ${path}${N}: ce fichier n’existe pas`,
  inputIsFolder: (path) => `impossible de lire ${path}${N}: c’est un dossier, donnez un fichier CSV`,
  moreProblems: '… d’autres problèmes de lignes (non listés)',
  unreadableTitle: (verbose) =>
    `Valeurs non reconnues, par colonne (les plus fréquentes d’abord${verbose ? '' : `${N}; --verbose liste chaque cellule`})${N}:`,
  aliasHint:
    'Pour lire une valeur d’une colonne à choix, ajoutez-la aux aliases d’une option dans content/attributes.yaml (voir docs/scoring.md)\u202f; corrigez les autres dans le fichier.',
  cellsUnread: (total, count) =>
    `${total}${N}cellule${count === 1 ? '' : 's'} illisible${count === 1 ? '' : 's'}${N}: ${count === 1 ? 'cette valeur a été notée' : 'ces valeurs ont été notées'} comme inconnue${count === 1 ? '' : 's'}.`,
  progress: (rows) => `${rows}${N}comptes notés…`,
  duckdbProgress: (percent) => `Notation avec DuckDB… ${percent}${N}%`,
  invalidContent: (count) =>
    `le contenu n’est pas valide (${count}${N}problème${count === 1 ? '' : 's'})${N}: lancez npm run validate pour ${count === 1 ? 'le voir et le corriger' : 'les voir et les corriger'}`,
  unknownIcp: (id, suggestion, ids) =>
    `ICP «${N}${id}${N}» inconnu${suggestion ? ` (vouliez-vous dire «${N}${suggestion}${N}»${N}?)` : ''}${N}: les ICP sont ${ids}`,
  duckdbStdin: `--engine duckdb lit un fichier, pas l’entrée standard${N}: donnez le nom du fichier`,
  duckdbKeys: `--only-keys et --keys ne sont pas disponibles avec --engine duckdb${N}: notez avec le moteur TypeScript (sans --engine duckdb), ou sélectionnez les colonnes dans le résultat`,
  parquetWithTs: (input) =>
    `${input} est un fichier Parquet${N}: le moteur TypeScript lit du CSV${N}; retirez --engine ts pour le noter avec DuckDB`,
  interrupted: (signal, out) =>
    `Interrompu (${signal})${N}: rien n’a été écrit${out ? `${N}; ${out} est inchangé` : ''}.`,
  bestFitOf: (ids) => `le meilleur ICP parmi ${ids}`,
  summary: (s) =>
    `${s.rows}${N}compte${s.count === 1 ? '' : 's'} noté${s.count === 1 ? '' : 's'} (${s.fit} dans la cible — fit, ${s.unknown} à confirmer — unknown, ${s.out} hors cible — out) selon ${s.against}${s.duckdb ? ' avec DuckDB' : ''} en ${Number(s.seconds).toFixed(1).replace('.', ',')}${N}s${s.file ? ` → ${s.file}` : ''}.`,
  cannotWriteResult: (reason) => `impossible d’écrire le résultat${N}: ${reason}`,
  cannotOpen: (reason) => `impossible d’ouvrir un fichier${N}: ${reason}`,
  crashed: (reason) =>
    `Le moteur de notation s’est arrêté sur une erreur inattendue (${reason}). Merci de la signaler avec la commande lancée.`,
  npmBanner: (name) =>
    `npm a écrit sa bannière «${N}> ${name} score${N}» sur la sortie standard, avant le CSV${N}: lancez npm run --silent score -- … (ou node scripts/score.ts …), ou utilisez --out <file>`,
};

export const scoreCliMessages: Record<Locale, ScoreCliMessages> = { en, fr };
