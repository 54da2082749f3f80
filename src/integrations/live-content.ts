// Node-only: makes `npm run dev` tell the truth about content/. Saving any file there
// (frontmatter, attributes.yaml, playbook.yaml, accounts/*.csv, a new or deleted file) makes the
// next request read the files again and reloads the open page. While the content is invalid,
// every page answers with the validator's problems in a readable panel, instead of Astro's error
// overlay (a stack trace and the source of src/content-fs.ts), and comes back by itself once
// the files are fixed.
import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { bumpContentVersion, contentDir, contentVersion, loadCurrentPlaybook } from '../content-fs.ts';
import { problemPanelHtml } from '../lib/content/problem-panel.ts';

/** Where the dev server answers the content version (a number that grows on every content change). */
const CONTENT_VERSION_PATH = '/__icp-playbook/content-version';
/** Editors write a file in several steps (truncate, write, rename): wait for the last one. */
const SETTLE_MS = 80;

/** A request for a page (not a script, style, image or Vite's own files). */
function isPageRequest(request: IncomingMessage): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = (request.url ?? '/').split('?')[0]!;
  if (path.startsWith('/@') || path.startsWith('/__') || path.startsWith('/node_modules/') || path.startsWith('/src/'))
    return false;
  const extension = extname(path);
  return extension === '' || extension === '.html';
}

/** Answers with the problem panel when the content is invalid; otherwise lets Astro render. */
function problemPanel(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (!isPageRequest(request)) return next();
  const version = contentVersion();
  let html: string;
  try {
    // Loaded here, before Astro routes the request: getStaticPaths reads the playbook too.
    const { model, problems, locale } = loadCurrentPlaybook();
    if (model) return next();
    html = problemPanelHtml(problems, { locale, version, versionUrl: CONTENT_VERSION_PATH });
  } catch {
    html = problemPanelHtml([], { locale: 'en', version, versionUrl: CONTENT_VERSION_PATH, crashed: true });
  }
  response.statusCode = 500;
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(html);
}

/** The live-content integration: add it to `integrations` in astro.config.mjs. */
export default function liveContent(): AstroIntegration {
  return {
    name: 'icp-playbook:live-content',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const dir = resolve(contentDir());
        server.watcher.add(dir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const changed = (file: string) => {
          const full = resolve(file);
          if (full !== dir && !full.startsWith(dir + sep)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            bumpContentVersion();
            // Pages and their data are computed on request: a full reload shows the new content.
            server.ws.send({ type: 'full-reload', path: '*' });
          }, SETTLE_MS);
        };
        server.watcher
          .on('add', changed)
          .on('change', changed)
          .on('unlink', changed)
          .on('addDir', changed)
          .on('unlinkDir', changed);
        server.middlewares.use(CONTENT_VERSION_PATH, (_request, response) => {
          response.setHeader('content-type', 'text/plain; charset=utf-8');
          response.setHeader('cache-control', 'no-store');
          response.end(String(contentVersion()));
        });
        server.middlewares.use(problemPanel);
      },
    },
  };
}
