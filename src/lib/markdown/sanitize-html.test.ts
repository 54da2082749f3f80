import { describe, it, expect } from 'vitest';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parseHTML } from 'linkedom';
import fc from 'fast-check';
import {
  satteriSanitizeUserHtml,
  allowedMediaHost,
  isRemoteUrl,
  sanitizeHast,
  styleAsClasses,
  STYLED_ELEMENTS,
  type ReadableNode,
  type SatteriContext,
} from './sanitize-html.ts';
import { shikiNoTimeLimit } from './shiki-no-time-limit.ts';

// ---------------------------------------------------------------------------
// Harness: render Markdown exactly as Astro 7 does (Astro's own Sätteri
// renderer, default Shiki highlighting), with the options astro.config.mjs uses.
// ---------------------------------------------------------------------------

type Renderer = Awaited<ReturnType<typeof createSatteriMarkdownProcessor>>;
type Kind = 'site' | 'unsanitized' | 'forgot-rawHtml' | 'media-hosts';
const renderers = new Map<string, Promise<Renderer>>();

/** Only the style-to-class step of the plugin, as it runs on MDX: "the same page without the sanitizer". */
const stylesOnly = {
  name: 'styles-only',
  element: { filter: STYLED_ELEMENTS, visit: (node: ReadableNode, ctx: SatteriContext) => styleAsClasses(node, ctx) },
};

function renderer(kind: Kind): Promise<Renderer> {
  let r = renderers.get(kind);
  if (!r) {
    const shikiConfig = { transformers: [shikiNoTimeLimit()] };
    r = createSatteriMarkdownProcessor(
      kind === 'site'
        ? { shikiConfig, hastPlugins: [satteriSanitizeUserHtml()], features: { rawHtml: true } }
        : kind === 'unsanitized'
          ? { shikiConfig, hastPlugins: [stylesOnly], features: { rawHtml: true } }
          : kind === 'media-hosts'
            ? {
                shikiConfig,
                hastPlugins: [satteriSanitizeUserHtml({ mediaHosts: ['cdn.example.com'] })],
                features: { rawHtml: true },
              }
            : { shikiConfig, hastPlugins: [satteriSanitizeUserHtml()] },
    );
    renderers.set(kind, r);
  }
  return r;
}
async function render(markdown: string, kind: Kind = 'site'): Promise<string> {
  return (await (await renderer(kind)).render(markdown)).code;
}

/**
 * An independent oracle (a DOM parse, not the sanitizer's own helpers) that
 * lists anything dangerous left in rendered HTML.
 */
const FORBIDDEN_TAGS = new Set(
  'script style iframe frame frameset object embed applet base meta link form button textarea select option svg math template noscript xmp noembed noframes'.split(
    ' ',
  ),
);
const URL_ATTRS = new Set('href src action formaction xlink:href poster cite background data srcset ping'.split(' '));
function dangers(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}>`);
    if (tag === 'input' && (el.getAttribute('type') !== 'checkbox' || !el.hasAttribute('disabled')))
      found.push('<input> control');
    for (const { name, value } of el.attributes) {
      const n = name.toLowerCase();
      if (n.startsWith('on')) found.push(`${tag}[${n}]`);
      if (URL_ATTRS.has(n)) {
        // Browsers ignore whitespace/control characters inside a scheme.
        for (const part of n === 'srcset' ? value.split(',') : [value]) {
          const squashed = part.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          const dataImage = tag === 'img' && n === 'src' && /^data:image\/(png|gif|jpe?g|webp)[;,]/.test(squashed);
          if (/^(javascript|vbscript|data):/.test(squashed) && !dataImage) found.push(`${tag}[${n}=${value}]`);
        }
      }
      if (n === 'style' && /url\(|expression|position|@import|\\/i.test(value)) found.push(`${tag}[style=${value}]`);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// End to end through the real pipeline
// ---------------------------------------------------------------------------

describe('Markdown bodies rendered with the sanitizer', () => {
  const attacks: Array<[string, string, RegExp?]> = [
    ['removes a <script> block and its code', '<script>alert(1)</script>', /^\s*$/],
    [
      'removes an inline <script> and keeps the sentence around it',
      'Hello <script>alert(1)</script> world',
      /Hello\s+world/,
    ],
    ['removes a <script> with a src', '<script src="https://evil.example/x.js"></script>'],
    ['strips onerror from an <img> but keeps the image', '<img src="a.png" onerror="alert(1)">', /<img src="a.png">/],
    ['strips onclick from any element and keeps its text', '<div onclick="alert(1)">Click</div>', /<div>Click<\/div>/],
    ['strips mixed-case event handlers', '<p OnMouseOver="alert(1)">hover</p>', /<p>hover<\/p>/],
    [
      'strips onfocus even with autofocus',
      '<details ontoggle="alert(1)" open><summary>x</summary></details><div tabindex="0" autofocus onfocus="alert(1)">f</div>',
    ],
    [
      'drops a javascript: href from an HTML link and keeps the text',
      '<a href="javascript:alert(1)">x</a>',
      /<a>x<\/a>/,
    ],
    ['drops a mixed-case JaVaScRiPt: href', '<a href="JaVaScRiPt:alert(1)">x</a>', /<a>x<\/a>/],
    [
      'drops a javascript: href split by an entity-encoded tab',
      '<a href="jav&#x09;ascript:alert(1)">x</a>',
      /<a>x<\/a>/,
    ],
    [
      'drops a javascript: href split by an entity-encoded newline',
      '<a href="java&#10;script:alert(1)">x</a>',
      /<a>x<\/a>/,
    ],
    [
      'drops a javascript: href behind leading control characters',
      '<a href=" &#14; javascript:alert(1)">x</a>',
      /<a>x<\/a>/,
    ],
    [
      'drops a fully entity-encoded javascript: href',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
      /<a>x<\/a>/,
    ],
    ['drops a javascript: href with a named-entity colon', '<a href="javascript&colon;alert(1)">x</a>', /<a>x<\/a>/],
    ['drops a javascript: destination in a Markdown link', '[x](javascript:alert(1))', /<a>x<\/a>/],
    ['drops an angle-bracketed javascript: destination in a Markdown link', '[x](<javascript:alert(1)>)', /<a>x<\/a>/],
    ['drops a javascript: reference-style link', '[x][r]\n\n[r]: javascript:alert(1)', /<a>x<\/a>/],
    ['drops a vbscript: href', '<a href="vbscript:msgbox(1)">x</a>', /<a>x<\/a>/],
    ['drops a data:text/html link', '[x](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)', /<a>x<\/a>/],
    [
      'drops a base64 data:text/html link',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      /<a>x<\/a>/,
    ],
    ['drops an <img> whose src is data:image/svg+xml', '![x](data:image/svg+xml;base64,PHN2Zz4=)', /^<p><\/p>\s*$/],
    [
      'drops a javascript: candidate in srcset',
      '<img src="a.png" srcset="a.png 1x, javascript:alert(1) 2x">',
      /<img src="a.png">/,
    ],
    ['removes an <iframe>', '<iframe src="https://evil.example"></iframe>'],
    ['removes an <iframe srcdoc>', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['removes <object> and <embed>', '<object data="x.swf"></object><embed src="x.swf">'],
    ['removes <style> and its rules', '<style>body{display:none}</style>', /^\s*$/],
    [
      'removes <base>, <meta> and <link>',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="https://evil.example/x.css">',
    ],
    [
      'removes a <form> with its controls but keeps its text',
      '<form action="https://evil.example">Name: <input name="q"><button formaction="javascript:alert(1)">Go</button><textarea>t</textarea><select><option>o</option></select></form>',
      /Name:/,
    ],
    ['removes an <svg> with onload', '<svg onload="alert(1)"><circle r="3"/></svg>'],
    ['removes an <svg> link with xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>'],
    ['removes <math> with an href', '<math><mi href="javascript:alert(1)">x</mi></math>'],
    ['removes <template> content', '<template><img src=x onerror=alert(1)></template>'],
    [
      'defuses the noscript mutation-XSS trick',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    ],
    // The site's CSP refuses inline styles, so none is kept (a few Markdown ones become classes).
    [
      'drops an inline style, keeping the text',
      '<span style="color: red; position: fixed; background: url(javascript:alert(1))">r</span>',
      /<p><span>r<\/span><\/p>/,
    ],
    ['drops a style with expression()', '<span style="width: expression(alert(1))">r</span>', /<span>r<\/span>/],
    ['drops a positive tabindex that would hijack focus', '<div tabindex="5">x</div>', /<div>x<\/div>/],
    [
      'adds rel=noopener to links opening a new tab',
      '<a href="https://example.com" target="_blank">x</a>',
      /rel="noopener noreferrer"/,
    ],
    [
      'drops an author-written __ASTRO_IMAGE_ attribute',
      '<img src="a.png" __ASTRO_IMAGE_="{&quot;src&quot;:&quot;x&quot;}">',
      /<img src="a.png">/,
    ],
    [
      'drops a data-pagefind-filter that would move the page into a search facet',
      '<span data-pagefind-filter="icp:Mid-market SaaS">x</span>',
      /<p><span>x<\/span><\/p>/,
    ],
    ['removes a remote image (media ship with the site)', '![x](https://evil.example/track.png)', /^<p><\/p>\s*$/],
    ['removes a protocol-relative image', '<img src="//evil.example/track.png">', /^<p><\/p>\s*$|^\s*$/],
    [
      'removes an image on the cloud metadata address',
      '<img src="http://169.254.169.254/latest/meta-data/">',
      /^<p><\/p>\s*$|^\s*$/,
    ],
    [
      'removes remote srcset candidates',
      '<img src="a.png" srcset="https://evil.example/a.png 2x">',
      /<img src="a.png">/,
    ],
    [
      'removes <picture> sources, <video> and <audio> with their poster',
      '<picture><source srcset="https://evil.example/a.avif"><img src="a.png"></picture><video src="https://evil.example/v.mp4" poster="https://evil.example/p.png">v</video><audio src="//evil.example/a.mp3">a</audio>',
      /<picture><img src="a.png"><\/picture>v\s*a/,
    ],
    ['removes HTML comments', 'a <!-- secret --> b', /^<p>a\s+b<\/p>\s*$/],
  ];

  it.each(attacks)('%s', async (_name, markdown, expected) => {
    const html = await render(markdown);
    expect(dangers(html)).toEqual([]);
    expect(html).not.toMatch(/<script|javascript:|vbscript:|<iframe|<svg|<style|<object|<embed/i);
    if (expected) expect(html).toMatch(expected);
  });

  const safe: Array<[string, string, RegExp]> = [
    [
      'keeps headings with their generated ids',
      '## Buying committee',
      /<h2 id="buying-committee">Buying committee<\/h2>/,
    ],
    ['keeps lists', '- one\n- two', /<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/],
    ['keeps GFM tables with their alignment', '| a | b |\n|:-:|--:|\n| 1 | 2 |', /<th class="align-center">a<\/th>/],
    [
      'keeps GFM task lists as disabled checkboxes',
      '- [x] done\n- [ ] todo',
      /<input type="checkbox" checked disabled> done[\s\S]*<input type="checkbox" disabled> todo/,
    ],
    [
      'keeps https links',
      '[site](https://example.com/a?b=1&c=2#d)',
      /<a href="https:\/\/example.com\/a\?b=1&amp;c=2#d" rel="noopener noreferrer">site<\/a>/,
    ],
    [
      'keeps links whose scheme is in upper case, as links to other sites',
      '[a](HTTP://example.com/A) [b](HTTPS://example.com/B) [c](Mailto:a@example.com)',
      /<a href="http:\/\/example.com\/A" rel="noopener noreferrer">a<\/a> <a href="https:\/\/example.com\/B" rel="noopener noreferrer">b<\/a> <a href="mailto:a@example.com">c<\/a>/,
    ],
    [
      'keeps mailto and tel links',
      '[m](mailto:a@example.com) [t](tel:+33123456789)',
      /href="mailto:a@example.com"[\s\S]*href="tel:\+33123456789"/,
    ],
    [
      'keeps relative, root-relative and anchor links',
      '[a](./x.md) [b](/icps/smb/) [c](#top) [d](x:y/z)',
      /href=".\/x.md"[\s\S]*href="\/icps\/smb\/"[\s\S]*href="#top"/,
    ],
    [
      'keeps links whose colon is in the path or query',
      '[a](/t?at=10:30) [b](./a:b)',
      /href="\/t\?at=10:30"[\s\S]*href=".\/a:b"/,
    ],
    [
      "hands local images to Astro's image pipeline with src, alt and title intact",
      '![Team](./team.png "Our team")',
      /<img __ASTRO_IMAGE_="\{&quot;alt&quot;:&quot;Team&quot;,&quot;title&quot;:&quot;Our team&quot;,&quot;src&quot;:&quot;.\/team.png&quot;,&quot;index&quot;:0\}">/,
    ],
    [
      'keeps raster data: images',
      '![dot](data:image/png;base64,iVBORw0KGgo=)',
      /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="dot">/,
    ],
    ['keeps blockquotes', '> Quote', /<blockquote>\s*<p>Quote<\/p>\s*<\/blockquote>/],
    ['keeps <kbd>', 'Press <kbd>Ctrl</kbd>+<kbd>K</kbd>', /<kbd>Ctrl<\/kbd>\+<kbd>K<\/kbd>/],
    [
      'keeps <abbr title>',
      '<abbr title="Ideal Customer Profile">ICP</abbr>',
      /<abbr title="Ideal Customer Profile">ICP<\/abbr>/,
    ],
    [
      'keeps <details>/<summary> with Markdown inside',
      '<details open><summary>More</summary>\n\n**Bold**\n\n</details>',
      /<details open><summary>More<\/summary>\s*<p><strong>Bold<\/strong><\/p>\s*<\/details>/,
    ],
    [
      'keeps <sup>, <sub>, <mark> and <br>',
      'x<sup>2</sup> H<sub>2</sub>O <mark>hot</mark><br>next',
      /x<sup>2<\/sup> H<sub>2<\/sub>O <mark>hot<\/mark><br>next/,
    ],
    [
      'keeps aria-label, drops author classes and data-* attributes',
      '<div class="callout" data-kind="tip" aria-label="Tip">t</div>',
      /<div aria-label="Tip">t<\/div>/,
    ],
    [
      'turns an inline colour into a class, which only theme colours have a rule for',
      '<span style="color: #c00">red</span>',
      /<span class="sh-c-c00">red<\/span>/,
    ],
    ['keeps footnotes', 'Fact[^1]\n\n[^1]: Source.', /<section data-footnotes="" class="footnotes">[\s\S]*Source\./],
    ['unwraps unknown elements and keeps their text', '<center><font color="red">old</font></center>', /old/],
    ['keeps code that talks about <script> as escaped text', 'Use `<script>` tags', /<code>&lt;script&gt;<\/code>/],
  ];

  it.each(safe)('%s', async (_name, markdown, expected) => {
    const html = await render(markdown);
    expect(html).toMatch(expected);
    expect(dangers(html)).toEqual([]);
  });

  it('keeps Shiki syntax highlighting, inline colours as classes', async () => {
    const html = await render('```ts\nconst x: number = 1; // "<script>"\n```');
    expect(html).toMatch(
      /<pre class="astro-code github-dark sh-bg-24292e sh-c-e1e4e8" tabindex="0" data-language="ts">/,
    );
    expect(html).toMatch(/<span class="sh-c-f97583">const<\/span>/);
    expect(html).not.toContain('style=');
    const diff = await render('```diff\n+ added\n- removed\n```');
    expect(diff).toMatch(/<span class="sh-nosel">\+<\/span> added/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps an image from a host of the mediaHosts allow-list, sent with no referrer', async () => {
    const html = await render(
      '![Logo](https://cdn.example.com/logo.png) ![x](https://evil.example/x.png) ![y](http://cdn.example.com/y.png)',
      'media-hosts',
    );
    expect(html).toBe(
      '<p><img src="https://cdn.example.com/logo.png" alt="Logo" referrerpolicy="no-referrer">  </p>\n',
    );
  });

  it('renders a benign document byte-for-byte the same as without the sanitizer', async () => {
    const benign = [
      '# ICP: Mid-market SaaS',
      '',
      'Intro with **bold**, _em_, ~~strike~~, `code`, a [link](https://example.com) and <kbd>Esc</kbd>.',
      '',
      '> A quote with <abbr title="Annual recurring revenue">ARR</abbr>.',
      '',
      '1. First',
      '2. Second',
      '   - nested',
      '',
      '- [x] done',
      '- [ ] todo',
      '',
      '| Signal | Weight |',
      '|:-------|-------:|',
      '| Hiring | 3 |',
      '',
      '```js',
      'const score = signals.reduce((a, s) => a + s.weight, 0);',
      '```',
      '',
      '```diff',
      '+ added',
      '- removed',
      '```',
      '',
      '<details><summary>Why</summary>',
      '',
      'Because.',
      '',
      '</details>',
      '',
      '![Chart](./chart.png "Chart") Note[^n]',
      '',
      '[^n]: A footnote.',
    ].join('\n');
    // The one difference: ids the renderer made get the "user-content-" prefix authors' ids get,
    // so an author cannot clobber the site's own ids.
    // and links to other sites get rel="noopener noreferrer".
    const unsanitized = (await render(benign, 'unsanitized'))
      .replaceAll('footnote-label', 'user-content-footnote-label')
      .replace('<a href="https://example.com">', '<a href="https://example.com" rel="noopener noreferrer">')
      // Shiki's block: the same classes, the plugin's own order of attributes.
      .replaceAll(
        /<pre tabindex="0" data-language="(\w+)" class="([^"]+)">/g,
        '<pre class="$2" tabindex="0" data-language="$1">',
      );
    expect(await render(benign)).toBe(unsanitized);
  });

  it.each([
    ['quotes', `${'>'.repeat(200)} deep\n\nafter`],
    ['list items', `${'- '.repeat(200)} deep\n\nafter`],
    ['HTML elements', `${'<div>'.repeat(300)} deep\n\nafter`],
  ])(
    'keeps the text of %s nested beyond what the renderer takes, instead of an empty page',
    async (_name, markdown) => {
      const html = await render(markdown);
      expect(html).toContain('deep');
      expect(html).toContain('after');
    },
  );

  it('shows raw HTML as text, never as markup, if rawHtml is ever left off', async () => {
    const html = await render('Hi <b onclick="alert(1)">x</b>\n\n<script>alert(1)</script>', 'forgot-rawHtml');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<b /);
    expect(dangers(html)).toEqual([]);
  });

  it('never lets dangerous markup through, whatever the mix of fragments', async () => {
    const fragments = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="jav&#x09;ascript:alert(1)">a</a>',
      '<svg onload=alert(1)>',
      '</svg>',
      '<iframe src=//evil>',
      '<style>',
      '</style>',
      '<noscript>',
      '</noscript>',
      '<p title="',
      '">',
      '<math>',
      '<mi>',
      '<template>',
      '<xmp>',
      '</xmp>',
      '<textarea>',
      '</textarea>',
      '<!--',
      '-->',
      '<a href=" javascript:alert(1)">',
      '</a>',
      '[l](javascript:alert(1))',
      '<div style="position:fixed">',
      '</div>',
      '<form action=//evil>',
      '<input onfocus=alert(1) autofocus>',
      '\n\n',
      '**b**',
      '`x`',
      '<table><tr><td>',
      '<select><option>',
      '<object data=x>',
      '<base href=//evil>',
      '<details ontoggle=alert(1) open>',
      ' text ',
      '&lt;',
      '<kbd>',
      '</kbd>',
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }), async (parts) => {
        const html = await render(parts.join(''));
        expect(dangers(html)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// The pure pieces
// ---------------------------------------------------------------------------

describe('link URLs, judged end to end', () => {
  // The cases the hand-written URL check was tested on, now through the real pipeline.
  it.each([
    ['https://example.com', true],
    ['mailto:a@example.com', true],
    ['tel:+331234', true],
    ['/root/relative', true],
    ['./relative', true],
    ['relative.html', true],
    ['//example.com/protocol-relative', true],
    ['#anchor', true],
    ['?q=1:2', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['java&#9;script:alert(1)', false],
    ['java&#10;script:alert(1)', false],
    ['&#0;&#14; javascript:alert(1)', false],
    ['vbscript:msgbox(1)', false],
    ['data:text/html,x', false],
    ['data:image/png;base64,AAAA', false],
    ['file:///etc/passwd', false],
    // `#` starts a fragment: the browser reads this as the relative URL `&`.
    ['&amp;#x6A;avascript:alert(1)', true],
    ['x:y/z', false],
  ])('a link to %j keeps its href: %s', async (href, kept) => {
    const html = await render(`<a href="${href}">x</a>`);
    expect(html.includes('href=')).toBe(kept);
    expect(dangers(html)).toEqual([]);
  });
});

describe('isRemoteUrl', () => {
  it.each([
    ['https://evil.example/x.png', true],
    ['HTTP://evil.example/x.png', true],
    ['//evil.example/x.png', true],
    ['/\\evil.example/x.png', true],
    ['\t //evil.example/x.png', true],
    ['http://169.254.169.254/latest/meta-data/', true],
    ['data:image/png;base64,AAAA', true],
    ['./a.png', false],
    ['/images/a.png', false],
    ['a:b/c.png', true],
    ['img/a:b.png', false],
  ])('%j is remote: %s', (url, expected) => {
    expect(isRemoteUrl(url.replace('\\t', '\t'))).toBe(expected);
  });
});

describe('allowedMediaHost', () => {
  it.each([
    ['https://cdn.example.com/a.png', ['cdn.example.com'], 'cdn.example.com'],
    ['https://CDN.Example.com/a.png', ['cdn.example.com'], 'cdn.example.com'],
    ['http://cdn.example.com/a.png', ['cdn.example.com'], undefined],
    ['//cdn.example.com/a.png', ['cdn.example.com'], undefined],
    ['https://cdn.example.com.evil.example/a.png', ['cdn.example.com'], undefined],
    ['https://evil.example/a.png?cdn.example.com', ['cdn.example.com'], undefined],
    ['https://cdn.example.com@evil.example/a.png', ['cdn.example.com'], undefined],
    ['https://cdn.example.com/a.png', [], undefined],
  ])('%j with %j → %s', (url, hosts, expected) => {
    expect(allowedMediaHost(url, hosts)).toBe(expected);
  });
});

describe('sanitizeHast on hand-built trees', () => {
  const el = (tagName: string, properties: Record<string, unknown> = {}, children: unknown[] = []) => ({
    type: 'element',
    tagName,
    properties,
    children,
  });
  const root = (...children: unknown[]): ReadableNode => ({ type: 'root', children });

  it('removes hast-style event handler properties (onLoad, onError)', () => {
    const out = sanitizeHast(root(el('img', { src: 'a.png', onError: 'alert(1)', onLoad: 'alert(2)' })));
    expect(out.children).toEqual([{ type: 'element', tagName: 'img', properties: { src: 'a.png' }, children: [] }]);
  });

  it('removes formAction and action properties with the form controls', () => {
    const out = sanitizeHast(
      root(
        el('form', { action: 'javascript:x' }, [
          { type: 'text', value: 'hi' },
          el('button', { formAction: 'javascript:x' }),
        ]),
      ),
    );
    expect(out.children).toEqual([{ type: 'text', value: 'hi' }]);
  });

  it('turns raw nodes into text', () => {
    expect(sanitizeHast(root({ type: 'raw', value: '<script>x</script>' })).children).toEqual([
      { type: 'text', value: '<script>x</script>' },
    ]);
  });

  it('drops comments, doctypes and unknown node types', () => {
    expect(
      sanitizeHast(
        root(
          { type: 'comment', value: 'x' },
          { type: 'doctype' },
          { type: 'mdxJsxFlowElement', name: 'X', children: [] },
        ),
      ).children,
    ).toEqual([]);
  });

  it('keeps only the task-list shape of <input>, always disabled', () => {
    const out = sanitizeHast(
      root(el('input', { type: 'checkbox', checked: true, onClick: 'x' }), el('input', { type: 'password' })),
    );
    expect(out.children).toEqual([
      {
        type: 'element',
        tagName: 'input',
        properties: { type: 'checkbox', checked: true, disabled: true },
        children: [],
      },
    ]);
  });

  it('flattens absurdly deep nesting to text instead of overflowing the stack', () => {
    let node: unknown = { type: 'text', value: 'deep' };
    for (let i = 0; i < 20_000; i++) node = el('span', {}, [node]);
    const out = sanitizeHast(root(node));
    expect(JSON.stringify(out)).toContain('"deep"');
  });

  it('does not modify its input', () => {
    const input = root(el('a', { href: 'javascript:x', onClick: 'y' }, [{ type: 'text', value: 't' }]));
    const before = JSON.stringify(input);
    sanitizeHast(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('the Sätteri plugin', () => {
  it('leaves .mdx trees alone (MDX is reviewed as code)', () => {
    let replaced = false;
    satteriSanitizeUserHtml().before(
      { type: 'root', children: [] },
      {
        sourceFormat: 'mdx',
        replaceNode: () => {
          replaced = true;
        },
        setProperty: () => {},
      },
    );
    expect(replaced).toBe(false);
  });

  it('replaces Markdown trees with their sanitized copy', () => {
    let replacement: unknown;
    satteriSanitizeUserHtml().before(
      { type: 'root', children: [{ type: 'element', tagName: 'script', properties: {}, children: [] }] },
      {
        sourceFormat: 'markdown',
        replaceNode: (_node, next) => {
          replacement = next;
        },
        setProperty: () => {},
      },
    );
    expect(replacement).toEqual({ type: 'root', children: [] });
  });

  it("names itself after its policy, so a policy change invalidates Astro's content cache", () => {
    expect(satteriSanitizeUserHtml().name).toMatch(/^icp-sanitize-user-html@[0-9a-z]+$/);
    expect(JSON.stringify(satteriSanitizeUserHtml())).toContain(satteriSanitizeUserHtml().name);
  });
});
