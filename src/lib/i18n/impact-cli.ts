// What `npm run impact` prints besides its report (usage, one-line errors, the closing line), in
// the playbook's language; the report itself is ./impact.ts. French: a narrow no-break space
// before : ; ? ! and « guillemets ».
import type { Locale } from './locales.ts';

/** What went wrong with git (scripts/lib/git-content.ts throws it in a GitError). */
export type GitProblem =
  | { kind: 'noGit' }
  | { kind: 'failed'; command: string; detail: string }
  | { kind: 'notRepository'; dir: string }
  | { kind: 'notCommit'; ref: string }
  | { kind: 'unreadable'; path: string; commit: string; header: string };

const N = '\u202f';
const USAGE = 'npm run impact -- --base <git ref> [--accounts <file.csv>]... [--max-chars <n>]';

const en = {
  usage: `Usage: ${USAGE}`,
  help: (limit: number) => `Usage: ${USAGE}

Compares the playbook in the working tree with the one at a git ref (read with git, nothing is
checked out) and prints a Markdown report: rule changes in words, the known accounts
(content/accounts/*.csv) that change verdict, tier or best-fit ICP and why, a tier transition
matrix, and warnings. When GITHUB_STEP_SUMMARY is set, the report is appended there too.

  --base <ref>        the branch, tag or commit to compare with, e.g. origin/main or HEAD~1
  --accounts <file>   also follow the accounts of this CSV (streamed: millions of rows are fine);
                      may be given more than once
  --max-chars <n>     keep the report under n characters (default ${limit}, a GitHub comment)
  --help              show this help`,
  badArguments: (reason: string) => `${reason}. Usage: ${USAGE}`,
  baseMissing: `--base is missing: which git ref should the change be compared with? Usage: ${USAGE}`,
  badMaxChars: (value: string) => `--max-chars must be a whole number of at least 1000, got "${value}"`,
  noContentFolder: (dir: string) => `No content folder at ${dir}: create it (see README, "Content contract").`,
  workingTree: 'The content in the working tree',
  atRef: (ref: string) => `The content at ${ref}`,
  sideInvalid: (side: string, count: number, listed: string, more: number) =>
    `${side} is invalid (${count} problem${count === 1 ? '' : 's'}); the impact report compares two valid playbooks:\n${listed}${more > 0 ? `\n... and ${more} more` : ''}`,
  noSuchFile: (path: string) => `cannot read ${path}: there is no such file`,
  inputIsFolder: (path: string) => `cannot read ${path}: it is a folder, give a CSV file`,
  summaryFull: 'The job summary is already full (1 MiB): the impact report was not added to it.',
  compared: (ref: string, rows: string, seconds: number) =>
    `Compared with ${ref} over ${rows} accounts in ${Number(seconds).toFixed(1)} s.`,
  cannotOpen: (reason: string) => `cannot open a file: ${reason}`,
  git: (p: GitProblem): string => {
    switch (p.kind) {
      case 'notCommit':
        return `"${p.ref}" is not a commit of this repository: give a branch, tag or commit (e.g. --base origin/main); in a shallow CI clone, fetch it first (git fetch --depth=1 origin main)`;
      case 'notRepository':
        return `${p.dir} is not in a git repository: the impact report compares the content with a git ref`;
      case 'failed':
        return `git ${p.command} failed: ${p.detail}`;
      case 'unreadable':
        return `git cat-file could not read ${p.path} at ${p.commit}: ${p.header}`;
      default:
        return 'git is not installed or not on the PATH: the impact report reads the base with git';
    }
  },
  crashed: (reason: string) =>
    `The impact report stopped on an unexpected error (${reason}). Please report it with the command you ran.`,
};

export type ImpactCliMessages = typeof en;

const fr: ImpactCliMessages = {
  usage: `Usage${N}: ${USAGE}`,
  help: (limit) => `Usage${N}: ${USAGE}

Compare le playbook de l’arbre de travail à celui d’une référence git (lu avec git, rien n’est
extrait) et écrit un rapport Markdown${N}: les changements de règles en mots, les comptes connus
(content/accounts/*.csv) qui changent de verdict, de niveau ou de meilleur ICP et pourquoi, une
matrice des passages d’un niveau à l’autre, et des avertissements. Quand GITHUB_STEP_SUMMARY est
défini, le rapport y est aussi ajouté.

  --base <ref>        la branche, l’étiquette ou le commit de comparaison, par exemple origin/main
                      ou HEAD~1
  --accounts <file>   suivre aussi les comptes de ce CSV (lu en flux${N}: des millions de lignes
                      passent)${N}; peut être donné plusieurs fois
  --max-chars <n>     garder le rapport sous n caractères (par défaut ${limit}, un commentaire
                      GitHub)
  --help              afficher cette aide`,
  badArguments: (reason) => `${reason}. Usage${N}: ${USAGE}`,
  baseMissing: `--base manque${N}: à quelle référence git comparer le changement${N}? Usage${N}: ${USAGE}`,
  badMaxChars: (value) => `--max-chars attend un nombre entier d’au moins 1000, reçu «${N}${value}${N}»`,
  noContentFolder: (dir) =>
    `Aucun dossier de contenu à ${dir}${N}: créez-le (voir le README, «${N}Content contract${N}»).`,
  workingTree: 'Le contenu de l’arbre de travail',
  atRef: (ref) => `Le contenu à ${ref}`,
  sideInvalid: (side, count, listed, more) =>
    `${side} n’est pas valide (${count}${N}problème${count === 1 ? '' : 's'})${N}; le rapport d’impact compare deux playbooks valides${N}:\n${listed}${more > 0 ? `\n… et ${more} de plus` : ''}`,
  noSuchFile: (path) => `impossible de lire ${path}${N}: ce fichier n’existe pas`,
  inputIsFolder: (path) => `impossible de lire ${path}${N}: c’est un dossier, donnez un fichier CSV`,
  summaryFull: `Le résumé du job est déjà plein (1${N}Mio)${N}: le rapport d’impact n’y a pas été ajouté.`,
  compared: (ref, rows, seconds) =>
    `Comparé à ${ref} sur ${rows}${N}comptes en ${Number(seconds).toFixed(1).replace('.', ',')}${N}s.`,
  cannotOpen: (reason) => `impossible d’ouvrir un fichier${N}: ${reason}`,
  git: (p) => {
    switch (p.kind) {
      case 'notCommit':
        return `«${N}${p.ref}${N}» n’est pas un commit de ce dépôt${N}: donnez une branche, une étiquette ou un commit (par exemple --base origin/main)${N}; dans un clone superficiel de CI, récupérez-le d’abord (git fetch --depth=1 origin main)`;
      case 'notRepository':
        return `${p.dir} n’est pas dans un dépôt git${N}: le rapport d’impact compare le contenu à une référence git`;
      case 'failed':
        return `git ${p.command} a échoué${N}: ${p.detail}`;
      case 'unreadable':
        return `git cat-file n’a pas pu lire ${p.path} à ${p.commit}${N}: ${p.header}`;
      default:
        return `git n’est pas installé ou pas dans le PATH${N}: le rapport d’impact lit la base avec git`;
    }
  },
  crashed: (reason) =>
    `Le rapport d’impact s’est arrêté sur une erreur inattendue (${reason}). Merci de la signaler avec la commande lancée.`,
};

export const impactCliMessages: Record<Locale, ImpactCliMessages> = { en, fr };
