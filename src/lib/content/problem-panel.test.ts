import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../model/problem.ts';
import { problemPanelHtml } from './problem-panel.ts';

const problem: Problem = {
  file: 'content/icps/<core>.md',
  line: 3,
  column: 5,
  field: 'title',
  message: `Title "A & B" isn't text: <script>alert(1)</script>`,
};

describe('the dev server’s problem panel', () => {
  const page = problemPanelHtml([problem], { locale: 'en', version: 7, versionUrl: '/__icp/version' });

  it('shows each problem as the validator prints it, as text, never as markup', () => {
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const line = /<li><code>([^<]*)<\/code><\/li>/.exec(page)?.[1] ?? '';
    const text = line
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(text).toBe(formatProblem(problem));
  });

  it('is in the playbook’s language and asks for the content version to reload', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('fetch("/__icp/version"');
    expect(page).toContain('const seen = "7";');
    const french = problemPanelHtml([problem, problem], { locale: 'fr', version: 1, versionUrl: '/v' });
    expect(french).toContain('<html lang="fr">');
    expect(french.match(/<li><code>/g)).toHaveLength(2);
  });
});
