// The hostile-content fixture (test/fixtures/hostile): each file of cases/ is a page an author,
// careless or malicious, could write. Added to the valid fixture, each must give exactly these
// problems at file:line, so the build stops instead of publishing a page with content missing
// or a reader's browser calling another server (docs/security.md).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlaybookFromDisk } from '../../src/content-fs.ts';
import { formatProblem } from '../../src/lib/model/problem.ts';
import { contentCheckMessages } from '../../src/lib/i18n/content-checks.ts';
import { PROJECT_ROOT } from '../helpers/built-site.ts';
import { runFixtureBuild } from '../helpers/fixture-build.ts';

const HOSTILE = join(PROJECT_ROOT, 'test/fixtures/hostile');
const WORK = join(PROJECT_ROOT, '.test-dist/hostile-cases');
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const en = contentCheckMessages.en;
const fr = contentCheckMessages.fr;

/** The hostile fixture's valid content plus `files` (path in content/ → fixture case file). */
function contentWith(name: string, files: Record<string, string>, edit?: (dir: string) => void): string {
  const dir = join(WORK, name, 'content');
  rmSync(join(WORK, name), { recursive: true, force: true });
  cpSync(join(HOSTILE, 'content'), dir, { recursive: true });
  for (const [to, from] of Object.entries(files)) cpSync(join(HOSTILE, 'cases', from), join(dir, to));
  edit?.(dir);
  return dir;
}

/** `npm run validate`'s lines for the fixture with one case added as a guide page. */
function problemsWithCase(file: string): string[] {
  const dir = contentWith(file.replace(/\.\w+$/, ''), { [`pages/${file}`]: file });
  return loadPlaybookFromDisk(dir).problems.map(formatProblem);
}

const at = (file: string, position: string, message: string) =>
  `.test-dist/hostile-cases/${file.replace(/\.\w+$/, '')}/content/pages/${file}:${position}  -  ${message}`;

describe('the hostile fixture', () => {
  it('is valid without its cases: what it holds is sanitized, not refused', () => {
    expect(loadPlaybookFromDisk(join(HOSTILE, 'content')).problems.map(formatProblem)).toEqual([]);
  });

  it('has a test below for every case file', () => {
    const tested = [...Object.keys(CASES), ...SWALLOWING.map((tag) => `swallow-${tag}.md`)].sort();
    expect(readdirSync(join(HOSTILE, 'cases')).sort()).toEqual(tested);
  });
});

const remote = (url: string) => en.remoteMedia(url, false);
const CASES: Record<string, string[]> = {
  'remote-image.md': [at('remote-image.md', '9:1', remote('https://evil.example/pixel.png'))],
  'remote-img-tag.md': [at('remote-img-tag.md', '7:1', remote('https://evil.example/pixel.png'))],
  'srcset.md': [at('srcset.md', '7:1', remote('https://evil.example/a.png'))],
  'picture-source.md': [
    at('picture-source.md', '7:10', en.unsupportedMedia('source')),
    at('picture-source.md', '7:10', remote('https://evil.example/a.avif')),
  ],
  'video-poster.md': [
    at('video-poster.md', '7:1', en.unsupportedMedia('video')),
    at('video-poster.md', '7:1', remote('https://evil.example/poster.png')),
  ],
  'audio.md': [
    at('audio.md', '7:1', en.unsupportedMedia('audio')),
    at('audio.md', '7:1', remote('https://evil.example/a.mp3')),
  ],
  'protocol-relative.md': [at('protocol-relative.md', '7:1', remote('//evil.example/pixel.png'))],
  'metadata-address.md': [at('metadata-address.md', '7:1', remote('http://169.254.169.254/latest/meta-data/'))],
  'deep-nesting.md': [at('deep-nesting.md', '9:132', en.tooDeep(131, 120))],
  'missing-image.md': [
    at(
      'missing-image.md',
      '7:1',
      en.imageMissing('./missing.png', '.test-dist/hostile-cases/missing-image/content/pages/missing.png'),
    ),
  ],
  'outside-image.md': [at('outside-image.md', '7:1', en.imageOutside('../../../../x.png'))],
  'no-extension.md': [at('no-extension.md', '7:1', en.imageNoExtension('../icps/core'))],
  // Reported by the loader's text checks, in their words.
  'control-characters.md': [
    at(
      'control-characters.md',
      '7:8',
      'contains the control character U+0007, invisible in most editors and never meant for a page: delete it',
    ),
  ],
  'mdx-error.mdx': [
    at(
      'mdx-error.mdx',
      '9:1',
      en.mdxSyntax(
        'Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`)',
      ),
    ),
  ],
};
const SWALLOWING = [
  'button',
  'select',
  'title',
  'textarea',
  'script',
  'template',
  'style',
  'iframe',
  'object',
  'xmp',
  'svg',
  'math',
  'option',
  'noscript',
];

describe('a case added to a valid playbook', () => {
  it.each(Object.entries(CASES))('%s gives exactly its problems', (file, expected) => {
    expect(problemsWithCase(file)).toEqual(expected);
  });

  it.each(SWALLOWING)('<%s> that would swallow the rest of the page is a problem at its line and column', (tag) => {
    const file = `swallow-${tag}.md`;
    expect(problemsWithCase(file)).toEqual([at(file, '7:11', en.swallowingElement(tag))]);
  });

  it('reports in French for a French playbook', () => {
    const dir = contentWith('french', { 'pages/swallow-button.md': 'swallow-button.md' }, (content) => {
      cpSync(join(PROJECT_ROOT, 'test/fixtures/french-payroll/content/playbook.yaml'), join(content, 'playbook.yaml'));
    });
    expect(loadPlaybookFromDisk(dir).problems.map(formatProblem)).toEqual([
      `.test-dist/hostile-cases/french/content/pages/swallow-button.md:7:11  -  ${fr.swallowingElement('button')}`,
    ]);
  });

  it('checks the body of a page whose frontmatter is broken, in the same run', () => {
    const dir = contentWith('broken-frontmatter', { 'pages/remote-image.md': 'remote-image.md' }, (content) => {
      const page = join(content, 'pages/remote-image.md');
      writeFileSync(page, readFileSync(page, 'utf8').replace('title: Remote image', 'title: [Remote image'));
    });
    const lines = loadPlaybookFromDisk(dir).problems.map(formatProblem);
    const file = '.test-dist/hostile-cases/broken-frontmatter/content/pages/remote-image.md';
    expect(lines).toHaveLength(2);
    // The YAML mistake (the loader's words), then what the body would have shown.
    expect(lines[0]).toContain(`${file}:3:1  -  YAML`);
    expect(lines[1]).toBe(`${file}:9:1  -  ${remote('https://evil.example/pixel.png')}`);
  });

  it('allows an image from a host listed in mediaHosts, over https only', () => {
    const dir = contentWith(
      'media-hosts',
      { 'pages/remote-image.md': 'remote-image.md', 'pages/metadata-address.md': 'metadata-address.md' },
      (content) => {
        const yaml = join(content, 'playbook.yaml');
        writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}mediaHosts: [evil.example]\n`);
      },
    );
    expect(loadPlaybookFromDisk(dir).problems.map(formatProblem)).toEqual([
      `.test-dist/hostile-cases/media-hosts/content/pages/metadata-address.md:7:1  -  ${en.remoteMedia('http://169.254.169.254/latest/meta-data/', true)}`,
    ]);
  });
});

describe('symbolic links in content/', () => {
  it('are problems, each named, instead of silently missing files', () => {
    const dir = contentWith('symlinks', {}, (content) => {
      symlinkSync(join(content, 'pages/guide.md'), join(content, 'pages/linked.md'));
      const outside = join(WORK, 'symlinks', 'elsewhere');
      mkdirSync(outside, { recursive: true });
      cpSync(join(content, 'playbook.yaml'), join(outside, 'playbook.yaml'));
      rmSync(join(content, 'playbook.yaml'));
      symlinkSync(join(outside, 'playbook.yaml'), join(content, 'playbook.yaml'));
    });
    const lines = loadPlaybookFromDisk(dir).problems.map(formatProblem);
    expect(lines).toContain(`.test-dist/hostile-cases/symlinks/content/pages/linked.md:1:1  -  ${en.symlink}`);
    expect(lines).toContain(`.test-dist/hostile-cases/symlinks/content/playbook.yaml:1:1  -  ${en.symlink}`);
  });
});

describe('npm run build', () => {
  it('exits 1 before building when content would be dropped, with one line per problem and no stack trace', () => {
    const dir = contentWith('build', {
      'pages/swallow-button.md': 'swallow-button.md',
      'pages/mdx-error.mdx': 'mdx-error.mdx',
    });
    const build = runFixtureBuild(dir, 'hostile-cases/build-out');
    expect(build.status).toBe(1);
    expect(build.output).toContain(`content/pages/swallow-button.md:7:11  -  ${en.swallowingElement('button')}`);
    expect(build.output).toContain(`content/pages/mdx-error.mdx:9:1  -  MDX syntax: Unexpected character`);
    expect(build.output).toContain('2 problems in content');
    expect(build.output).not.toMatch(/^\s+at /m);
  }, 60_000);
});
