// The CI files shipped to teams (GitHub Actions, GitLab CI): they parse, have the keys the
// platforms require, pin every action to a commit, and only run npm scripts that exist.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);
const workflowDir = join(root, '.github/workflows');
const workflows = readdirSync(workflowDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(workflowDir, name), 'utf8') }));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  'runs-on'?: string;
  steps?: Step[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  needs?: string;
}
interface Workflow {
  name?: string;
  on?: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs?: Record<string, Job>;
}

/** The npm scripts a shell line runs (`npm run x`, `npm run --silent x`). */
function npmScripts(line: string): string[] {
  return [...line.matchAll(/npm run(?: --?[\w-]+)* ([\w:-]+)/g)].map((match) => match[1]!);
}

function parseWorkflow(text: string): Workflow {
  return parse(text) as Workflow;
}

describe.each(workflows)('.github/workflows/$name', ({ text }) => {
  const workflow = parseWorkflow(text);

  it('has a name, triggers, least permissions at the top and jobs with steps', () => {
    expect(workflow.name).toBeTruthy();
    expect(Object.keys(workflow.on ?? {}).length).toBeGreaterThan(0);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const jobs = Object.entries(workflow.jobs ?? {});
    expect(jobs.length).toBeGreaterThan(0);
    for (const [id, job] of jobs) {
      expect(job['runs-on'], id).toBe('ubuntu-latest');
      expect(job.steps?.length, id).toBeGreaterThan(0);
      for (const step of job.steps!)
        expect(Boolean(step.uses) !== Boolean(step.run), `${id}: a step runs or uses, not both`).toBe(true);
    }
  });

  it('pins every action to a full commit, with the version in a comment', () => {
    const uses = [...text.matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, action, comment] of uses) {
      expect(action, action).toMatch(/^actions\/[\w-]+@[0-9a-f]{40}$/);
      expect(comment, action).toMatch(/ # v\d+\.\d+\.\d+$/);
    }
  });

  it('runs only npm scripts that exist in package.json', () => {
    const runs = Object.values(workflow.jobs ?? {}).flatMap((job) => (job.steps ?? []).map((step) => step.run ?? ''));
    const called = runs.flatMap(npmScripts);
    expect(called.length).toBeGreaterThan(0);
    for (const script of called) expect(scripts, script).toContain(script);
  });
});

describe('the pull request workflow', () => {
  const workflow = parseWorkflow(workflows.find((w) => w.name === 'pull-request.yml')!.text);
  const steps = workflow.jobs!['check']!.steps!;

  it('validates, reports the impact against the base branch (with its history fetched) and builds', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(steps[0]!.with?.['fetch-depth']).toBe(0);
    const runs = steps.map((step) => step.run ?? '').join('\n');
    expect(npmScripts(runs)).toEqual(['validate', 'impact', 'build']);
    expect(runs).toContain('--base "origin/${{ github.base_ref }}"');
    // The report also runs when validation fails: a broken `expect` is what it explains.
    expect(steps.find((step) => step.run?.includes('npm run --silent impact'))!.if).toBe(
      "${{ !cancelled() && steps.install.outcome == 'success' }}",
    );
  });

  it('comments only where the token may (not from forks), with write access to pull requests', () => {
    const comment = steps.find((step) => step.uses?.startsWith('actions/github-script@'))!;
    expect(comment.if).toBe(
      "${{ !cancelled() && steps.impact.outcome == 'success' && github.event.pull_request.head.repo.full_name == github.repository }}",
    );
    expect(String(comment.with?.['script'])).toContain('updateComment');
    expect(workflow.jobs!['check']!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });
});

describe('the deploy workflow', () => {
  const workflow = parseWorkflow(workflows.find((w) => w.name === 'deploy.yml')!.text);

  it('builds on the default branch with the Pages address as SITE_URL, then deploys with the Pages permissions', () => {
    const build = workflow.jobs!['build']!;
    expect((build as { if?: string }).if).toBe('github.ref_name == github.event.repository.default_branch');
    const step = build.steps!.find((s) => s.run === 'npm run build')!;
    expect(step.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.base_url }}' });
    expect(
      build.steps!.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@') && s.with?.['path'] === 'dist'),
    ).toBe(true);
    const deploy = workflow.jobs!['deploy']!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps!.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });
});

describe('.gitlab-ci.yml', () => {
  interface GitlabJob {
    stage?: string;
    script?: string[];
    rules?: { if: string }[];
    artifacts?: { paths: string[] };
    variables?: Record<string, string>;
  }
  const config = parse(readFileSync(join(root, '.gitlab-ci.yml'), 'utf8')) as Record<string, unknown> & {
    stages: string[];
  };
  const jobs = Object.entries(config)
    .filter(([key]) => !['default', 'stages', 'variables'].includes(key))
    .map(([id, job]) => [id, job as GitlabJob] as const);
  const job = (id: string) => config[id] as GitlabJob;

  it('has stages and jobs that run scripts of package.json', () => {
    expect(config.stages).toEqual(['check', 'deploy']);
    for (const [id, { stage, script: lines }] of jobs) {
      expect(config.stages, id).toContain(stage);
      expect(lines?.length, id).toBeGreaterThan(0);
      for (const script of lines!.flatMap(npmScripts)) expect(scripts, `${id}: ${script}`).toContain(script);
    }
  });

  it('reports the impact of merge requests and publishes the default branch to Pages from public/', () => {
    const mr = job('merge-request');
    expect(mr.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(mr.script!.flatMap(npmScripts)).toEqual(['impact', 'validate', 'build']);
    const pages = job('pages');
    expect(pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(pages.variables).toEqual({ SITE_URL: '$CI_PAGES_URL' });
    expect(pages.artifacts?.paths).toEqual(['public']);
  });
});
