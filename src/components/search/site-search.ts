// `<site-search>`: the header search button and its dialog. The pagefind index is written by
// src/integrations/pagefind.ts at build time; this element loads pagefind's own small JS API
// from the built site the first time the dialog opens, so pages cost nothing until then and
// nothing is ever requested from another host.
import { fillTemplate, type SearchStrings } from '../../lib/i18n/search.ts';
import { ICP_FILTER, KIND_FILTER, SEARCH_KINDS } from '../../lib/search-attrs.ts';
import { rankByProximity } from './rank-results.ts';
import { foldWord, probePrefixes, suggestWord, wordsAt } from './did-you-mean.ts';

/** The part of pagefind's browser API (`/pagefind/pagefind.js`) this element uses. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: { filters?: Filters }): Promise<SearchResponse | null>;
}
type FilterCounts = Record<string, Record<string, number>>;
type Filters = Record<string, string>;
interface SearchResponse {
  results: { id: string; data(): Promise<ResultData> }[];
  unfilteredResultCount: number;
  filters: FilterCounts;
}
interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** Results rendered at once; more than this asks the reader to narrow the search. */
const MAX_RESULTS = 12;
/** Best pagefind results loaded and re-ranked by how close the query's words stand. */
const RANK_WINDOW = 24;
/** Pages read per prefix probe to collect the index's words for "did you mean". */
const PROBE_PAGES = 20;

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement);

/**
 * Appends pagefind's excerpt (text with `<mark>` around matched words, HTML-escaped) as DOM
 * nodes: only `<mark>` becomes an element, everything else is text, so content can never inject markup.
 */
function appendExcerpt(parent: HTMLElement, excerpt: string): void {
  const decode = (html: string) => new DOMParser().parseFromString(`<body>${html}`, 'text/html').body.textContent ?? '';
  excerpt.split(/(<mark>[\s\S]*?<\/mark>)/g).forEach((part) => {
    const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
    if (marked) {
      const mark = document.createElement('mark');
      mark.textContent = decode(marked[1] ?? '');
      parent.append(mark);
    } else if (part) {
      parent.append(decode(part));
    }
  });
}

export class SiteSearch extends HTMLElement {
  #strings!: SearchStrings;
  #plural!: Intl.PluralRules;
  #trigger!: HTMLButtonElement;
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #facets!: HTMLElement;
  #kinds!: HTMLElement;
  #icp!: HTMLSelectElement;
  #status!: HTMLElement;
  #suggest!: HTMLElement;
  #list!: HTMLElement;
  #pagefind: Pagefind | undefined;
  #loading: Promise<void> | undefined;
  /** The latest search; Enter waits for it, so a fast typist still lands on the right result. */
  #pending: Promise<void> = Promise.resolve();
  #sequence = 0;
  #kind = '';
  #active = -1;
  #options: HTMLAnchorElement[] = [];
  #returnFocus: HTMLElement | undefined;

  connectedCallback(): void {
    document.addEventListener('keydown', this.#onGlobalKey);
    // Leaving for a result: coming back (history, back-forward cache) shows the page, not the dialog.
    window.addEventListener('pagehide', this.#onPageHide);
    if (this.#trigger) return;
    this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as SearchStrings;
    this.#plural = new Intl.PluralRules(document.documentElement.lang || 'en');
    const find = <T extends Element>(selector: string) => {
      const element = this.querySelector<T>(selector);
      if (!element) throw new Error(`<site-search> is missing ${selector}: render it with SiteSearch.astro.`);
      return element;
    };
    this.#trigger = find('.site-search__open');
    this.#dialog = find('dialog');
    this.#input = find('input');
    this.#facets = find('.site-search__facets');
    this.#kinds = find('.site-search__kinds');
    this.#icp = find('select');
    this.#status = find('.site-search__status');
    this.#suggest = find('.site-search__suggest');
    this.#list = find('[role="listbox"]');

    this.#trigger.addEventListener('click', () => this.open());
    find<HTMLButtonElement>('.site-search__close').addEventListener('click', () => this.close());
    this.#dialog.addEventListener('close', () => this.#restoreFocus());
    // The panel fills the dialog, so a click whose target is the dialog itself hit the backdrop.
    this.#dialog.addEventListener('click', (event) => {
      if (event.target === this.#dialog) this.close();
    });
    this.#dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
    this.#input.addEventListener('input', () => this.#search());
    this.#input.addEventListener('keydown', (event) => this.#onInputKey(event));
    this.#icp.addEventListener('change', () => this.#search());
    this.#kinds.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-kind]');
      if (!button) return;
      this.#kind = button.dataset['kind'] ?? '';
      for (const b of this.#kinds.querySelectorAll<HTMLButtonElement>('button'))
        b.setAttribute('aria-pressed', String(b === button));
      this.#search();
    });
    this.#trigger.disabled = false;
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onGlobalKey);
    window.removeEventListener('pagehide', this.#onPageHide);
  }

  #onPageHide = (): void => this.close();

  /** Opens the dialog (or refocuses its field) and loads the index on first use. */
  open(): void {
    if (!this.#dialog.open) {
      const focused = document.activeElement;
      this.#returnFocus = focused instanceof HTMLElement && focused !== document.body ? focused : this.#trigger;
      this.#dialog.showModal();
    }
    this.#input.focus();
    this.#input.select();
    void this.#load();
  }

  close(): void {
    if (this.#dialog.open) this.#dialog.close();
  }

  #restoreFocus(): void {
    (this.#returnFocus?.isConnected ? this.#returnFocus : this.#trigger).focus();
    this.#returnFocus = undefined;
  }

  #onGlobalKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target);
    if (commandK || slash) {
      event.preventDefault();
      this.open();
    }
  };

  #onInputKey(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const count = this.#options.length;
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#setActive(this.#active < 0 && step < 0 ? count - 1 : (this.#active + step + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Typed before the index or the last results arrived: wait for them, then open.
      void (async () => {
        await this.#loading;
        await this.#pending;
        this.#options[Math.max(this.#active, 0)]?.click();
      })();
    }
  }

  #setActive(index: number): void {
    this.#active = index;
    this.#options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const option = this.#options[index];
    if (option) {
      this.#input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      this.#input.removeAttribute('aria-activedescendant');
    }
  }

  #load(): Promise<void> {
    this.#loading ??= (async () => {
      this.#setStatus(this.#strings.loading);
      this.#setState('loading');
      try {
        const base = this.dataset['base'] ?? '/';
        // A URL built at runtime: the bundler must leave this import to the browser.
        const url = new URL(`${base}pagefind/pagefind.js`, document.baseURI).href;
        const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
        await pagefind.options({ baseUrl: base, excerptLength: 24 });
        await pagefind.init();
        this.#renderFacets(await pagefind.filters());
        this.#pagefind = pagefind;
        this.#search();
      } catch (error) {
        const dev = this.dataset['dev'] === 'true';
        this.#setStatus(dev ? this.#strings.devUnavailable : this.#strings.loadFailed);
        this.#setState('unavailable');
        this.#status.classList.add('site-search__status--problem');
        if (!dev) console.error('Search could not load /pagefind/pagefind.js:', error);
      }
    })();
    return this.#loading;
  }

  #renderFacets(counts: FilterCounts): void {
    const kinds = counts[KIND_FILTER] ?? {};
    const known = SEARCH_KINDS.filter((kind) => kind in kinds);
    const button = (kind: string, label: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'site-search__chip';
      b.dataset['kind'] = kind;
      b.setAttribute('aria-pressed', String(kind === this.#kind));
      const text = document.createElement('span');
      text.textContent = label;
      b.append(text);
      if (kind) {
        const count = document.createElement('span');
        count.className = 'site-search__count';
        b.append(' ', count);
      }
      return b;
    };
    this.#kinds.replaceChildren(
      button('', this.#strings.allKinds),
      ...known.map((kind) => button(kind, this.#strings.kinds[kind])),
    );
    const icps = Object.keys(counts[ICP_FILTER] ?? {}).sort((a, b) => a.localeCompare(b));
    const all = document.createElement('option');
    all.value = '';
    all.textContent = this.#strings.allIcps;
    this.#icp.replaceChildren(
      all,
      ...icps.map((title) => {
        const option = document.createElement('option');
        option.value = title;
        option.dataset['label'] = title;
        option.textContent = title;
        return option;
      }),
    );
    this.#icp.closest('label')?.toggleAttribute('hidden', icps.length === 0);
    this.#facets.hidden = known.length < 2 && icps.length === 0;
    this.#updateCounts(counts[KIND_FILTER] ?? {}, counts[ICP_FILTER] ?? {});
  }

  #updateCounts(kinds: Record<string, number>, icps: Record<string, number>): void {
    for (const b of this.#kinds.querySelectorAll<HTMLButtonElement>('button[data-kind]')) {
      const count = b.querySelector('.site-search__count');
      const n = kinds[b.dataset['kind'] ?? ''] ?? 0;
      if (count) count.textContent = String(n);
      b.classList.toggle('site-search__chip--empty', n === 0);
    }
    for (const option of this.#icp.options) {
      if (option.value) option.textContent = `${option.dataset['label']} (${icps[option.value] ?? 0})`;
    }
  }

  #filters(without?: string): Filters {
    const filters: Filters = {};
    if (this.#kind && without !== KIND_FILTER) filters[KIND_FILTER] = this.#kind;
    if (this.#icp.value && without !== ICP_FILTER) filters[ICP_FILTER] = this.#icp.value;
    return filters;
  }

  #search(): void {
    this.#pending = this.#runSearch(++this.#sequence);
  }

  /**
   * `data-state` says what the dialog shows: `loading`, `ready` (results for `data-query` are on
   * screen) or `unavailable`. Browser tests wait on it instead of on timers.
   */
  #setState(state: 'loading' | 'searching' | 'ready' | 'unavailable', query?: string): void {
    this.dataset['state'] = state;
    if (query !== undefined) this.dataset['query'] = query;
  }

  async #runSearch(sequence: number): Promise<void> {
    const pagefind = this.#pagefind;
    if (!pagefind) return;
    const query = this.#input.value.trim();
    this.#setState('searching');
    this.#showSuggestion(undefined);
    const filters = this.#filters();
    const filtered = Object.keys(filters).length > 0;
    if (!query && !filtered) {
      this.#renderResults([]);
      this.#setStatus(this.#strings.start);
      const totals = await pagefind.filters();
      if (sequence !== this.#sequence) return;
      this.#updateCounts(totals[KIND_FILTER] ?? {}, totals[ICP_FILTER] ?? {});
      this.#setState('ready', query);
      return;
    }
    const term = query || null;
    // Each facet counts what choosing one of its values would give, with the other facet kept.
    const [main, byKind, byIcp] = await Promise.all([
      pagefind.search(term, { filters }),
      filters[KIND_FILTER] ? pagefind.search(term, { filters: this.#filters(KIND_FILTER) }) : undefined,
      filters[ICP_FILTER] ? pagefind.search(term, { filters: this.#filters(ICP_FILTER) }) : undefined,
    ]);
    if (sequence !== this.#sequence || !main) return;
    const loaded = await Promise.all(main.results.slice(0, RANK_WINDOW).map((result) => result.data()));
    if (sequence !== this.#sequence) return;
    const shown = rankByProximity(loaded, query.split(/\s+/).filter(Boolean).length).slice(0, MAX_RESULTS);
    this.#updateCounts((byKind ?? main).filters[KIND_FILTER] ?? {}, (byIcp ?? main).filters[ICP_FILTER] ?? {});
    this.#renderResults(shown);
    const total = main.results.length;
    if (total === 0) {
      this.#setStatus(
        query
          ? `${fillTemplate(this.#strings.noResults, { query })} ${this.#strings.noResultsHint}`
          : this.#strings.noFilteredResults,
      );
    } else if (total > shown.length) {
      this.#setStatus(fillTemplate(this.#strings.resultsShown, { shown: shown.length, n: total }));
    } else {
      this.#setStatus(
        fillTemplate(this.#strings.results[this.#plural.select(total) === 'one' ? 'one' : 'other'], { n: total }),
      );
    }
    // Words the results matched (stemmed forms included): a query word found that way is no typo.
    const matched = loaded.flatMap((page) => wordsAt(page.content, page.locations)).map(foldWord);
    const suggestion = query ? await this.#didYouMean(pagefind, query, matched) : undefined;
    if (sequence !== this.#sequence) return;
    this.#showSuggestion(suggestion);
    this.#setState('ready', query);
  }

  /**
   * The query with each word the index does not hold replaced by the closest word it does hold
   * (found by searching the word's first letters), or undefined when every word is in the index
   * or nothing is close enough.
   */
  async #didYouMean(pagefind: Pagefind, query: string, matched: readonly string[]): Promise<string | undefined> {
    let changed = false;
    const words = await Promise.all(
      query.split(/\s+/).map(async (typed) => {
        // "manger" found "mangeons" through French stemming: same start, so not a typo.
        const stem = foldWord(typed).slice(0, Math.max(4, typed.length - 2));
        if (matched.some((word) => word.startsWith(stem))) return typed;
        const seen: string[] = [];
        for (const prefix of probePrefixes(typed)) {
          const response = await pagefind.search(prefix);
          const pages = await Promise.all(
            (response?.results ?? []).slice(0, PROBE_PAGES).map((result) => result.data()),
          );
          for (const page of pages) seen.push(...wordsAt(page.content, page.locations));
          if (seen.some((word) => foldWord(word).startsWith(foldWord(typed)))) return typed;
          const suggestion = suggestWord(typed, seen);
          if (suggestion) {
            changed = true;
            return suggestion;
          }
        }
        return typed;
      }),
    );
    return changed ? words.join(' ') : undefined;
  }

  /** Shows "Did you mean …?" with the suggestion as a button that searches it. */
  #showSuggestion(suggestion: string | undefined): void {
    if (!suggestion) {
      this.#suggest.hidden = true;
      this.#suggest.replaceChildren();
      return;
    }
    const [before = '', after = ''] = this.#strings.didYouMean.split('{suggestion}');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = suggestion;
    button.addEventListener('click', () => {
      this.#input.value = suggestion;
      this.#input.focus();
      this.#search();
    });
    this.#suggest.replaceChildren(before, button, after);
    this.#suggest.hidden = false;
    // Said with the result count, for screen readers.
    this.#status.textContent =
      `${this.#status.textContent ?? ''} ${fillTemplate(this.#strings.didYouMean, { suggestion })}`.trim();
  }

  #renderResults(results: ResultData[]): void {
    this.#options = results.map((result, i) => {
      const link = document.createElement('a');
      link.href = result.url;
      link.id = `site-search-result-${i}`;
      link.className = 'site-search__result';
      link.setAttribute('role', 'option');
      link.tabIndex = -1;
      const kind = result.meta['kind'] ?? result.filters[KIND_FILTER]?.[0] ?? 'other';
      const head = document.createElement('span');
      head.className = 'site-search__result-head';
      const badge = document.createElement('span');
      badge.className = `badge site-search__kind site-search__kind--${kind}`;
      badge.textContent = this.#strings.kinds[kind as keyof SearchStrings['kinds']] ?? kind;
      const title = document.createElement('span');
      title.className = 'site-search__result-title';
      title.textContent = result.meta['title'] ?? result.url;
      head.append(badge, ' ', title);
      const icps = kind === 'icp' ? [] : (result.filters[ICP_FILTER] ?? []);
      if (icps.length > 0) {
        const context = document.createElement('span');
        context.className = 'site-search__result-icps';
        context.textContent = icps.join(' · ');
        head.append(' ', context);
      }
      const excerpt = document.createElement('span');
      excerpt.className = 'site-search__excerpt';
      appendExcerpt(excerpt, result.excerpt);
      link.append(head, excerpt);
      link.addEventListener('mousemove', () => {
        if (this.#active !== i) this.#setActive(i);
      });
      const item = document.createElement('li');
      item.setAttribute('role', 'none');
      item.append(link);
      return link;
    });
    this.#list.replaceChildren(...this.#options.map((option) => option.parentElement as HTMLElement));
    this.#input.setAttribute('aria-expanded', String(this.#options.length > 0));
    // The first result is active: Enter right after typing opens the best match.
    this.#setActive(this.#options.length > 0 ? 0 : -1);
  }

  #setStatus(text: string): void {
    this.#status.textContent = text;
    this.#status.classList.remove('site-search__status--problem');
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
