/** One mistake in a content file, pointing at the offending value. */
export interface Problem {
  /** Path relative to the repository, e.g. `content/icps/mid-market.md`. */
  file: string;
  /** 1-based line and column of the offending value (1:1 when the whole file is concerned). */
  line: number;
  column: number;
  /** Field path, e.g. `signals[0].attribute`, or `-` for the whole file. */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** `content/icps/x.md:9:5  signals[0].attribute  unknown attribute "employes" (did you mean "employees"?)` */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}`;
}

/** The same problem as a GitHub Actions annotation, so it shows inline in the pull request. */
export function formatGithubAnnotation(p: Problem): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error file=${prop(p.file)},line=${p.line},col=${p.column},title=${prop(p.field)}::${escape(p.message)}`;
}

/** Stable order: by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Field path as authors read it: `signals[0].levels[1].points`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '-' : out;
}
