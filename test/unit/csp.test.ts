import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, nginxSnippet, securityHeaders } from '../../src/lib/security/csp.ts';

const POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('the Content-Security-Policy', () => {
  it('is the strict policy of docs/security.md', () => {
    expect(contentSecurityPolicy()).toBe(POLICY);
  });

  it('leaves frame-ancestors out of the <meta> tag, where browsers ignore it with an error', () => {
    expect(contentSecurityPolicy([], 'meta')).toBe(POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('adds the mediaHosts of playbook.yaml to img-src, over https only', () => {
    expect(contentSecurityPolicy(['cdn.example.com', 'img.example.org'])).toContain(
      "img-src 'self' data: https://cdn.example.com https://img.example.org;",
    );
  });
});

describe('header files for hosts', () => {
  it('_headers applies the policy, Referrer-Policy and X-Content-Type-Options to every path', () => {
    expect(headersFile().split('\n').slice(1)).toEqual([
      '/*',
      `  Content-Security-Policy: ${POLICY}`,
      '  Referrer-Policy: no-referrer',
      '  X-Content-Type-Options: nosniff',
      '',
    ]);
  });

  it('the nginx snippet sends the same headers on every response', () => {
    expect(nginxSnippet()).toBe(
      Object.entries(securityHeaders())
        .map(([name, value]) => `add_header ${name} "${value}" always;`)
        .join('\n'),
    );
    expect(nginxSnippet()).toContain('add_header Referrer-Policy "no-referrer" always;');
  });
});
