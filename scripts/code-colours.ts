// `npm run code-colours`: writes src/styles/code-colours.css, the classes standing for the
// colours of the Shiki theme (inline styles are refused by the site's CSP; see
// src/lib/markdown/style-classes.ts). A unit test fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import githubDark from '@shikijs/themes/github-dark';
import { codeColourCss } from '../src/lib/markdown/style-classes.ts';

writeFileSync(new URL('../src/styles/code-colours.css', import.meta.url), codeColourCss(githubDark));
console.log('Wrote src/styles/code-colours.css');
