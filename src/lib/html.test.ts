import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.ts';

describe('html', () => {
  it('escapes every text value, in content and in attributes', () => {
    const name = `<img src=x onerror="alert(1)">&'`;
    expect(String(html`<p title="${name}">${name}</p>`)).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</p>',
    );
  });

  it('keeps markup made by html, in lists too, and writes nothing for false, null and undefined', () => {
    const items = ['a<b', 'c'].map((text) => html`<li>${text}</li>`);
    expect(String(html`<ul>${items}</ul>${false}${null}${undefined}${0}`)).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('escapes the five characters that matter, and only them', () => {
    expect(escapeHtml(`&<>"' é\u202f`)).toBe('&amp;&lt;&gt;&quot;&#39; é\u202f');
  });
});
