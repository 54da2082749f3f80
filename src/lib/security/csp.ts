/**
 * The site's Content-Security-Policy and companion headers (docs/security.md).
 *
 * Everything the site loads is its own: scripts and styles are external files (no inline
 * `<script>` code besides JSON data blocks, no `<style>`, no `style=`), search runs pagefind's
 * WebAssembly (`'wasm-unsafe-eval'`) in a worker, images may be `data:` (Open Graph previews
 * are not loaded by the page). Hosts on playbook.yaml's `mediaHosts` are added to `img-src`.
 */

/** The directives, in the order they are written. */
export function cspDirectives(mediaHosts: readonly string[] = []): [string, string][] {
  return [
    ['default-src', "'none'"],
    ['script-src', "'self' 'wasm-unsafe-eval'"],
    ['style-src', "'self'"],
    ['img-src', ["'self'", 'data:', ...mediaHosts.map((host) => `https://${host}`)].join(' ')],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
}

/** Directives a `<meta http-equiv>` policy cannot carry: browsers ignore them there, with a console error. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * The policy as a header value, or for a `<meta http-equiv="Content-Security-Policy">` tag.
 * @example contentSecurityPolicy([], 'meta') // "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; …"
 */
export function contentSecurityPolicy(
  mediaHosts: readonly string[] = [],
  target: 'header' | 'meta' = 'header',
): string {
  return cspDirectives(mediaHosts)
    .filter(([name]) => target === 'header' || !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Every header the site should be served with. */
export function securityHeaders(mediaHosts: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(mediaHosts),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** A `_headers` file (Netlify, Cloudflare Pages) applying the headers to every path. */
export function headersFile(mediaHosts: readonly string[] = []): string {
  const lines = Object.entries(securityHeaders(mediaHosts)).map(([name, value]) => `  ${name}: ${value}`);
  return [
    '# Written by the build from playbook.yaml (docs/security.md): edit mediaHosts there, not here.',
    '/*',
    ...lines,
    '',
  ].join('\n');
}

/** The same headers as nginx `add_header` lines, for a `server` or `location` block. */
export function nginxSnippet(mediaHosts: readonly string[] = []): string {
  return Object.entries(securityHeaders(mediaHosts))
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join('\n');
}
