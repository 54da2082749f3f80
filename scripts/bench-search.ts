// `npm run bench:search [-- files]`: search index size and indexing time, for the example
// playbook and for a playbook with 1,000 generated content files (half personas, half guides).
// Each playbook is built for real (`npm run build`, which indexes it), then indexed again here
// with the same function (src/integrations/pagefind.ts) to time the indexing alone, and once with
// pagefind's plain addDirectory for comparison.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import { formatBytes, indexSite, type IndexReport } from '../src/integrations/pagefind.ts';
import { seededRandom } from './lib/seeded-random.ts';

const files = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(files) || files < 2) {
  console.error('Usage: npm run bench:search [-- <files>] (a whole number of generated content files, default 1000)');
  process.exit(1);
}

// Deterministic, so every run indexes the same text.
const { random, pick } = seededRandom(7);

const example = loadPlaybookFromDisk().model;
if (!example) {
  console.error('The example content is invalid: run npm run validate first.');
  process.exit(1);
}

// Realistic vocabulary: the words of the example playbook's files, plus names unique to each file.
const vocabulary = [
  ...new Set(
    [...example.icps, ...example.personas, ...example.pages]
      .map((entry) => readFileSync(join(PROJECT_ROOT, entry.file), 'utf8'))
      .join(' ')
      .split(/[^\p{L}\p{N}'-]+/u)
      .filter((word) => word.length > 1 && /\p{L}/u.test(word)),
  ),
];
const sentence = (words: number) => {
  const text = Array.from({ length: words }, () => pick(vocabulary)).join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
};
const paragraph = () =>
  Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(8 + Math.floor(random() * 14))).join(' ');
const quote = (text: string) => JSON.stringify(text);

function persona(i: number): string {
  const icps = example!.icps.map((icp) => icp.id);
  const list = (n: number) => Array.from({ length: n }, () => `  - ${quote(sentence(9))}`).join('\n');
  return `---
name: Person${i}
role: ${quote(`${pick(['Head', 'VP', 'Director', 'Manager'])} of ${pick(vocabulary)} ${i}`)}
buyingRole: ${pick(['champion', 'economic-buyer', 'decision-maker', 'user', 'influencer', 'blocker'])}
icps: [${pick(icps)}]
summary: ${quote(sentence(16))}
owner: Owner ${i % 17}
reviewed: 2026-0${1 + (i % 9)}-1${i % 10}
goals:
${list(3)}
pains:
${list(3)}
objections:
${Array.from({ length: 3 }, () => `  - objection: ${quote(sentence(10))}\n    answer: ${quote(sentence(30))}`).join('\n')}
---

## How to talk to Person${i}

${paragraph()}

### First call

${paragraph()}

${paragraph()}
`;
}

function page(i: number): string {
  return `---
title: ${quote(`Guide ${i}: ${sentence(4).slice(0, -1)}`)}
description: ${quote(sentence(14))}
owner: Owner ${i % 13}
reviewed: 2026-0${1 + (i % 9)}-2${i % 8}
---

${Array.from({ length: 4 }, (_, h) => `## Section ${h + 1}: ${sentence(3).slice(0, -1)}\n\n${paragraph()}\n\n${paragraph()}`).join('\n\n')}
`;
}

/** Runs `npm run build` on a content folder into an output folder; returns the wall time. */
function build(content: string, out: string): number {
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ICP_CONTENT_DIR: content, ICP_OUT_DIR: out },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(`${result.stdout}\n${result.stderr}`);
    throw new Error(`Building ${content} failed (exit code ${result.status}).`);
  }
  const line = /Search index: .*/.exec(result.stdout)?.[0];
  if (line) console.log(`  during the build: ${line}`);
  return performance.now() - started;
}

/** pagefind's plain addDirectory on the same folder, without the playbook's preparation of pages. */
async function plainIndex(siteDir: string, language: string): Promise<{ ms: number; bytes: number }> {
  const outputPath = join(siteDir, '..', 'plain-pagefind');
  const started = performance.now();
  try {
    const { index } = await pagefind.createIndex({ forceLanguage: language });
    await index!.addDirectory({ path: siteDir });
    await index!.writeFiles({ outputPath });
  } finally {
    await pagefind.close();
  }
  const ms = performance.now() - started;
  const bytes = readdirSync(outputPath, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.pf_\w+$/.test(file))
    .reduce((sum, file) => sum + statSync(join(outputPath, file)).size, 0);
  return { ms, bytes };
}

function report(label: string, buildMs: number, r: IndexReport, plain: { ms: number; bytes: number }): void {
  console.log(`${label}
  build (validate + astro build + index): ${(buildMs / 1000).toFixed(1)} s
  pages indexed: ${r.pageCount} of ${r.htmlFiles} HTML files
  index: ${formatBytes(r.indexBytes)} in ${r.indexFiles} files, ${formatBytes(r.indexBytes / r.pageCount)} per page
  pagefind runtime shipped once (pagefind.js, worker, WebAssembly): ${formatBytes(r.runtimeBytes)}
  indexing time: ${(r.ms / 1000).toFixed(2)} s (${(r.ms / r.pageCount).toFixed(1)} ms per page)
  for comparison, pagefind addDirectory on the same HTML: ${(plain.ms / 1000).toFixed(2)} s, ${formatBytes(plain.bytes)} of index`);
}

/** Bytes and gzipped bytes of files matching `pattern` in `dir`. */
function sizes(dir: string, pattern: RegExp): { bytes: number; gzip: number } {
  const files = readdirSync(dir).filter((file) => pattern.test(file));
  return files.reduce(
    (sum, file) => {
      const bytes = readFileSync(join(dir, file));
      return { bytes: sum.bytes + bytes.length, gzip: sum.gzip + gzipSync(bytes).length };
    },
    { bytes: 0, gzip: 0 },
  );
}

/** The playbook's own search dialog beside pagefind's ready-made Component UI (docs/search.md says why the former). */
function reportUiSizes(siteDir: string, plainPagefind: string): void {
  const show = ({ bytes, gzip }: { bytes: number; gzip: number }) =>
    `${formatBytes(bytes)} (${formatBytes(gzip)} gzip)`;
  console.log(`  search UI: the playbook's own, ${show(sizes(join(siteDir, '_astro'), /^SiteSearch.*\.js$/))} of JavaScript;
  pagefind's Component UI (not shipped): ${show(sizes(plainPagefind, /^pagefind-component-ui\.js$/))} of JavaScript + ${show(sizes(plainPagefind, /^pagefind-component-ui\.css$/))} of CSS`);
}

const work = mkdtempSync(join(tmpdir(), 'icp-bench-search-'));
try {
  const language = example.settings.locale;

  console.log('Example playbook (content/)…');
  const exampleOut = join(work, 'example', 'site');
  const exampleBuild = build(join(PROJECT_ROOT, 'content'), exampleOut);
  const exampleIndex = await indexSite({
    siteDir: exampleOut,
    language,
    outputPath: join(work, 'example', 'pagefind'),
  });
  report('Example playbook', exampleBuild, exampleIndex, await plainIndex(exampleOut, language));
  reportUiSizes(exampleOut, join(exampleOut, '..', 'plain-pagefind'));

  const personas = Math.ceil(files / 2);
  console.log(`\nGenerated playbook: the example's ICPs + ${personas} personas + ${files - personas} guides…`);
  const content = join(work, 'generated', 'content');
  cpSync(join(PROJECT_ROOT, 'content'), content, { recursive: true });
  for (const folder of ['personas', 'pages']) {
    rmSync(join(content, folder), { recursive: true, force: true });
    mkdirSync(join(content, folder));
  }
  for (let i = 1; i <= personas; i += 1) writeFileSync(join(content, 'personas', `person-${i}.md`), persona(i));
  for (let i = 1; i <= files - personas; i += 1) writeFileSync(join(content, 'pages', `guide-${i}.md`), page(i));
  const generatedOut = join(work, 'generated', 'site');
  const generatedBuild = build(content, generatedOut);
  const generatedIndex = await indexSite({
    siteDir: generatedOut,
    language,
    outputPath: join(work, 'generated', 'pagefind'),
  });
  report(
    `Generated playbook (${files} content files)`,
    generatedBuild,
    generatedIndex,
    await plainIndex(generatedOut, language),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
