// `npm run code-colours`: writes the generated stylesheets that stand in for inline styles,
// which the site's CSP refuses: src/styles/code-colours.css (the colours of the Shiki theme, see
// src/lib/markdown/style-classes.ts) and src/styles/percent.css (bar widths, see
// src/lib/percent-class.ts). A unit test fails when either is out of date.
import { writeFileSync } from 'node:fs';
import githubDark from '@shikijs/themes/github-dark';
import { codeColourCss } from '../src/lib/markdown/style-classes.ts';
import { percentCss } from '../src/lib/percent-class.ts';

writeFileSync(new URL('../src/styles/code-colours.css', import.meta.url), codeColourCss(githubDark));
writeFileSync(new URL('../src/styles/percent.css', import.meta.url), percentCss());
console.log('Wrote src/styles/code-colours.css and src/styles/percent.css');
