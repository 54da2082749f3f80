import type { Locale } from '../i18n/locales.ts';
import { escapeHtml } from '../html.ts';
import { getContentMessages } from '../i18n/content.ts';
import { formatProblem, type Problem } from '../model/problem.ts';

/**
 * The page the dev server shows instead of the playbook while content is invalid: the problems
 * exactly as `npm run validate` prints them, and a small script that reloads the page as soon as
 * the content changes (it asks `versionUrl`, which answers the dev server's content version).
 */
export function problemPanelHtml(problems: readonly Problem[], options: { locale: Locale; version: number; versionUrl: string; crashed?: boolean }): string {
  const t = getContentMessages(options.locale).panel;
  const title = options.crashed ? t.crashed : t.title(problems.length);
  const lines = problems.map((p) => `<li><code>${escapeHtml(formatProblem(p))}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #fff7f5; color: #1f1f1f; }
  main { max-width: 72rem; margin: 2rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.5rem; color: #9b1c1c; margin: 0 0 .5rem; }
  ol { list-style: none; padding: 0; margin: 1.25rem 0; border: 1px solid #f0c4bd; border-radius: .5rem; background: #fff; }
  li { padding: .6rem .9rem; border-top: 1px solid #f6dcd7; }
  li:first-child { border-top: 0; }
  code { font: .92rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
  .waiting { color: #555; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t.intro)}</p>
<ol id="content-problems">
${lines}
</ol>
<p class="waiting" role="status">${escapeHtml(t.waiting)}</p>
</main>
<script>
  (() => {
    const seen = ${JSON.stringify(String(options.version))};
    const poll = async () => {
      try {
        const response = await fetch(${JSON.stringify(options.versionUrl)}, { cache: 'no-store' });
        if ((await response.text()) !== seen) return location.reload();
      } catch {}
      setTimeout(poll, 400);
    };
    setTimeout(poll, 400);
  })();
</script>
</body>
</html>
`;
}
