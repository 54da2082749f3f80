// <batch-scorer>: scores a CSV of accounts in a Web Worker, shows the first rows in a table the
// user can sort, filter (verdict and tier chips) and search, lists unreadable cells grouped by
// value, offers a mapping step for columns and values the playbook does not know, and gives the
// scored CSV (every column, or key columns only) as a download. Nothing is uploaded.
import {
  cleanMapping,
  emptyMapping,
  isEmptyMapping,
  mappingToYaml,
  type BatchMapping,
} from '../../lib/csv/batch-mapping.ts';
import { getFormatters } from '../../lib/format.ts';
import type { BatchStrings } from '../../lib/i18n/batch.ts';
import { scoringMessages } from '../../lib/i18n/scoring.ts';
import { fillTemplate, pickPlural, type WidgetStrings } from '../../lib/i18n/widget.ts';
import type { Verdict } from '../../lib/scoring/types.ts';
import type { WidgetModel } from './widget-model.ts';
import type { BatchRow, FromWorker, SortDirection, SortKey, ToWorker, ViewQuery } from './batch-protocol.ts';
import { html, type Html } from '../../lib/html.ts';

/** Rows rendered in the table; the download has them all. */
export const SHOWN_ROWS = 500;
/** Rows added to the table per animation frame. */
const ROWS_PER_FRAME = 50;
/** Wait after a keystroke in the search box before filtering. */
const SEARCH_DELAY_MS = 150;
const VERDICT_ICON: Record<Verdict, string> = { fit: '✓', unknown: '?', out: '✕' };
/** Factors offered for a number column in another unit: as written, thousands, millions, and the other way. */
const SCALES = [1, 0.001, 0.000001, 1000];
type Done = Extract<FromWorker, { type: 'done' }>;

export class BatchScorer extends HTMLElement {
  private model!: WidgetModel;
  private t!: WidgetStrings;
  private b!: BatchStrings;
  private worker: Worker | undefined;
  private objectUrl: string | undefined;
  private keysUrl: string | undefined;
  private yamlUrl: string | undefined;
  private started = 0;
  private file: Blob | undefined;
  private fileName = 'accounts.csv';
  private query: ViewQuery = {
    sort: 'line',
    direction: 'asc',
    verdict: undefined,
    tier: undefined,
    search: '',
    limit: SHOWN_ROWS,
  };
  private viewId = 0;
  private total = 0;
  private mapping: BatchMapping = emptyMapping();
  private storageWorks = true;
  /** The mapping control to focus again once the file is scored with the new choice. */
  private refocus: string | undefined;
  private rescoring = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private renderToken = 0;
  private abort = new AbortController();

  connectedCallback(): void {
    const data = this.querySelector('script[type="application/json"]:not([data-batch])');
    if (!data) return;
    this.abort = new AbortController();
    this.model = JSON.parse(data.textContent ?? '{}') as WidgetModel;
    this.t = this.model.strings;
    this.b = JSON.parse(this.ref('strings').textContent ?? '{}') as BatchStrings;
    const signal = this.abort.signal;
    const input = this.ref<HTMLInputElement>('file');
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        if (file) this.run(file, file.name);
        input.value = '';
      },
      { signal },
    );
    const drop = this.ref('drop');
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      drop.classList.add('is-over');
    };
    drop.addEventListener('dragenter', over, { signal });
    drop.addEventListener('dragover', over, { signal });
    drop.addEventListener(
      'dragleave',
      (event) => {
        if (!drop.contains(event.relatedTarget as Node | null)) drop.classList.remove('is-over');
      },
      { signal },
    );
    drop.addEventListener(
      'drop',
      (event) => {
        event.preventDefault();
        drop.classList.remove('is-over');
        const file = event.dataTransfer?.files[0];
        if (file) this.run(file, file.name);
      },
      { signal },
    );
    this.ref('example').addEventListener('click', () => void this.runExample(), { signal });
    this.ref('table').addEventListener(
      'click',
      (event) => {
        const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-sort]');
        if (button) this.sortBy(button.dataset['sort'] as SortKey);
      },
      { signal },
    );
    this.ref('filters').addEventListener(
      'click',
      (event) => {
        const chip = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-filter]');
        if (chip) this.toggleChip(chip);
        else if ((event.target as HTMLElement).closest('[data-batch="clear-filters"]')) this.clearFilters();
      },
      { signal },
    );
    this.ref<HTMLInputElement>('search').addEventListener(
      'input',
      (event) => {
        clearTimeout(this.searchTimer);
        const value = (event.target as HTMLInputElement).value;
        this.searchTimer = setTimeout(() => this.updateView({ search: value }), SEARCH_DELAY_MS);
      },
      { signal },
    );
    this.ref('mapping').addEventListener('change', (event) => this.onMappingChange(event.target as HTMLSelectElement), {
      signal,
    });
    this.ref('copy-yaml').addEventListener('click', () => void this.copyYaml(), { signal });
    this.ref('forget').addEventListener('click', () => this.forgetMapping(), { signal });
    this.ref('results').addEventListener(
      'change',
      (event) => {
        const radio = event.target as HTMLInputElement;
        if (radio.name === 'batch-download') this.chooseDownload(radio.value === 'keys');
      },
      { signal },
    );
    this.classList.add('is-ready');
  }

  disconnectedCallback(): void {
    this.abort.abort();
    this.worker?.terminate();
    this.worker = undefined;
    for (const url of [this.objectUrl, this.keysUrl, this.yamlUrl]) if (url) URL.revokeObjectURL(url);
  }

  private ref<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-batch="${name}"]`)!;
  }

  /** Scores the example file linked in the drop zone. */
  async runExample(): Promise<void> {
    const link = this.ref<HTMLAnchorElement>('example-link');
    try {
      const response = await fetch(link.href);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      this.run(await response.blob(), link.getAttribute('download') || 'accounts.csv');
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private getWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./batch-worker.ts', import.meta.url), { type: 'module' });
      this.worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.onMessage(event.data));
      this.worker.addEventListener('error', (event) => this.fail(event.message || 'the scoring worker stopped'));
    }
    return this.worker;
  }

  private post(message: ToWorker): void {
    this.getWorker().postMessage(message);
  }

  /** Scores a file: the worker streams it; the page only shows progress. */
  run(file: Blob, name: string): void {
    if (name && !/\.(csv|txt|tsv)$/i.test(name) && file.type && !/csv|text/.test(file.type)) {
      this.fail(this.t.batch.notCsv);
      return;
    }
    this.file = file;
    this.fileName = name || 'accounts.csv';
    this.query = { sort: 'line', direction: 'asc', verdict: undefined, tier: undefined, search: '', limit: SHOWN_ROWS };
    this.ref<HTMLInputElement>('search').value = '';
    this.ref<HTMLInputElement>('download-all').checked = true;
    this.mapping = this.loadMapping();
    this.refocus = undefined;
    this.rescoring = false;
    this.ref('results').hidden = true;
    this.score();
  }

  /** Sends the current file to the worker with the current mapping (a new job replaces a running one). */
  private score(): void {
    if (!this.file) return;
    if (this.dataset['state'] === 'running') {
      // A new job replaces the one being scored: stop it rather than mix the two.
      this.worker?.terminate();
      this.worker = undefined;
    }
    this.ref('error').hidden = true;
    this.ref('progress').hidden = false;
    this.setProgress(0, this.file.size, 0);
    this.setAttribute('aria-busy', 'true');
    delete this.dataset['ms'];
    this.dataset['state'] = 'running';
    if (!this.rescoring) this.say(this.t.batch.reading);
    this.started = performance.now();
    const { locale, attributes, icps } = this.model;
    this.post({
      type: 'score',
      file: this.file,
      model: { locale, attributes, icps },
      mapping: this.mapping,
      query: this.query,
    });
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'progress':
        this.setProgress(message.read, message.total, message.rows);
        break;
      case 'error':
        this.fail(message.message);
        break;
      case 'view':
        // Only the answer to the latest question: a slow answer must not overwrite a newer one.
        if (message.id === this.viewId) this.showView(message.view, message.matched);
        break;
      case 'keys':
        if (this.keysUrl) URL.revokeObjectURL(this.keysUrl);
        this.keysUrl = URL.createObjectURL(message.output);
        if (this.ref<HTMLInputElement>('download-keys').checked) this.setDownload(this.keysUrl, true);
        break;
      case 'done':
        this.done(message);
        break;
    }
  }

  private setProgress(read: number, total: number, rows: number): void {
    const bar = this.ref<HTMLProgressElement>('bar');
    bar.max = Math.max(total, 1);
    bar.value = read;
    this.ref('progress-text').textContent = rows > 0 ? getFormatters(this.model.locale).number(rows) : '';
  }

  private fail(message: string): void {
    this.removeAttribute('aria-busy');
    this.dataset['state'] = 'error';
    this.ref('progress').hidden = true;
    this.ref('results').hidden = true;
    const error = this.ref('error');
    error.textContent = fillTemplate(this.t.batch.failed, { message: message.replace(/\.$/, '') });
    error.hidden = false;
  }

  private done(message: Done): void {
    const ms = performance.now() - this.started;
    const { number } = getFormatters(this.model.locale);
    const t = this.t.batch;
    const verdicts = scoringMessages[this.model.locale].verdicts;
    this.removeAttribute('aria-busy');
    this.dataset['ms'] = ms.toFixed(0);
    this.dataset['rows'] = String(message.rows);
    this.dataset['state'] = 'done';
    // Counts finished jobs: a script (or a test) can wait for the next one.
    this.dataset['runs'] = String(Number(this.dataset['runs'] ?? 0) + 1);
    this.ref('progress').hidden = true;
    this.total = message.rows;

    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    if (this.keysUrl) URL.revokeObjectURL(this.keysUrl);
    this.keysUrl = undefined;
    this.objectUrl = URL.createObjectURL(message.output);
    this.chooseDownload(this.ref<HTMLInputElement>('download-keys').checked);

    const encoding = this.ref('encoding');
    encoding.hidden = message.encoding === undefined;
    encoding.textContent = message.encoding ?? '';

    const seconds = new Intl.NumberFormat(this.model.locale === 'fr' ? 'fr-FR' : 'en-US', {
      maximumFractionDigits: 2,
    }).format(ms / 1000);
    const summary =
      message.rows === 0
        ? t.empty
        : fillTemplate(pickPlural(t.done, message.rows, this.model.locale), { rows: number(message.rows), seconds });
    this.ref('summary').textContent = summary;
    this.renderChips(message);
    const columns = [fillTemplate(t.columnsRead, { names: message.columnsRead.join(', ') })];
    if (message.columnsMissing.length > 0)
      columns.push(fillTemplate(t.columnsMissing, { names: message.columnsMissing.join(', ') }));
    this.ref('columns').textContent = columns.join(' ');
    const warnings = this.ref('unit-warnings');
    warnings.hidden = message.unitWarnings.length === 0;
    warnings.innerHTML = String(html`${message.unitWarnings.map((warning) => html`<li>${warning}</li>`)}`);
    this.ref('search-hint').textContent = message.searchAll ? this.b.filters.searchHint : this.b.filters.searchNameOnly;
    this.renderMapping(message);
    this.showView(message.view, message.matched);
    this.renderProblems(message);
    this.ref('results').hidden = false;
    if (this.refocus) {
      this.querySelector<HTMLElement>(`[data-map="${CSS.escape(this.refocus)}"]`)?.focus();
      this.refocus = undefined;
    }
    const counts = (['fit', 'unknown', 'out'] as const)
      .map((v) => `${verdicts[v]} ${number(message.counts[v])}`)
      .join(', ');
    this.say(`${this.rescoring ? `${this.b.mapping.rescored} ` : ''}${summary} ${counts}.`);
    this.rescoring = false;
  }

  /** The verdict chips and the tier chips: toggle buttons that filter the table. */
  private renderChips(message: Done): void {
    const { number } = getFormatters(this.model.locale);
    const verdicts = scoringMessages[this.model.locale].verdicts;
    const { locale } = this.model;
    const chip = (
      filter: 'verdict' | 'tier',
      value: string,
      label: string,
      count: number,
      inner: Html | string,
      className: string,
    ) => {
      const pressed = filter === 'verdict' ? this.query.verdict === value : this.query.tier === value;
      const name = fillTemplate(pickPlural(this.b.filters.chip, count, locale), { label, count: number(count) });
      return html`<li><button type="button" class="batch-chip ${className}" data-filter="${filter}" data-value="${value}" aria-pressed="${String(pressed)}" aria-label="${name}"${count === 0 && html` disabled`}>${inner}<strong>${number(count)}</strong></button></li>`;
    };
    this.ref('counts').innerHTML = (['fit', 'unknown', 'out'] as const)
      .map((v) =>
        chip(
          'verdict',
          v,
          verdicts[v],
          message.counts[v],
          html`<span class="sw-verdict__icon" aria-hidden="true">${VERDICT_ICON[v]}</span>${verdicts[v]}`,
          `sw-verdict sw-verdict--${v}`,
        ),
      )
      .join('');
    this.ref('tier-counts').innerHTML = message.tiers
      .map((tier) => chip('tier', tier.label, tier.label, tier.count, tier.label, 'sw-tier'))
      .join('');
    this.ref('tier-counts').hidden = message.tiers.length === 0;
    this.ref('clear-filters').hidden = this.query.verdict === undefined && this.query.tier === undefined;
  }

  private toggleChip(chip: HTMLButtonElement): void {
    const value = chip.dataset['value'];
    if (chip.dataset['filter'] === 'verdict')
      this.updateView({ verdict: this.query.verdict === value ? undefined : (value as Verdict) });
    else this.updateView({ tier: this.query.tier === value ? undefined : value });
  }

  private clearFilters(): void {
    this.ref<HTMLInputElement>('search').value = '';
    this.updateView({ verdict: undefined, tier: undefined, search: '' });
    this.ref<HTMLElement>('search').focus();
  }

  /** Asks the worker for the rows that match the new query; the chips show the new state at once. */
  private updateView(change: Partial<ViewQuery>): void {
    this.query = { ...this.query, ...change };
    for (const chip of this.querySelectorAll<HTMLButtonElement>('button[data-filter]')) {
      const value = chip.dataset['value'];
      chip.setAttribute(
        'aria-pressed',
        String(chip.dataset['filter'] === 'verdict' ? this.query.verdict === value : this.query.tier === value),
      );
    }
    this.ref('clear-filters').hidden =
      this.query.verdict === undefined && this.query.tier === undefined && this.query.search === '';
    this.post({ type: 'view', id: ++this.viewId, query: this.query });
  }

  private sortBy(key: SortKey): void {
    // A first click sorts best first: high scores, fit before out, Tier 1 before Tier 3, A to Z.
    const firstDirection: SortDirection = key === 'score' ? 'desc' : 'asc';
    const direction = key === this.query.sort ? (this.query.direction === 'asc' ? 'desc' : 'asc') : firstDirection;
    this.updateView({ sort: key, direction });
  }

  private showView(view: BatchRow[], matched: number): void {
    const { number } = getFormatters(this.model.locale);
    const { locale } = this.model;
    const filtered = this.query.verdict !== undefined || this.query.tier !== undefined || this.query.search !== '';
    this.ref('matched').textContent = !filtered
      ? ''
      : matched === 0
        ? this.b.filters.none
        : fillTemplate(pickPlural(this.b.filters.matched, matched, locale), {
            matched: number(matched),
            total: number(this.total),
          });
    this.ref('showing').textContent =
      matched > SHOWN_ROWS
        ? fillTemplate(this.t.batch.showing, { shown: number(SHOWN_ROWS), total: number(matched) })
        : '';
    this.renderRows(view);
  }

  /**
   * Fills the table. A few hundred rows at once would block the page for a long layout, so the
   * first rows go in at once and the rest follow a chunk per frame.
   */
  private renderRows(view: BatchRow[]): void {
    const { number } = getFormatters(this.model.locale);
    const verdicts = scoringMessages[this.model.locale].verdicts;
    const provisional = (row: BatchRow) =>
      html`<span class="sw-tier batch-provisional" title="${this.b.provisionalTitle}">${row.provisionalTier}</span> <span class="batch-provisional__note">${this.b.provisional}</span>`;
    const tier = (row: BatchRow) =>
      row.tier
        ? html`<span class="sw-tier">${row.tier}</span>`
        : row.provisionalTier
          ? provisional(row)
          : html`<span class="muted">—</span>`;
    const markup = view.map(
      (row) =>
        html`<tr data-line="${row.line}"><td class="num batch-line">${row.line}</td><td class="batch-name">${row.name}</td><td class="batch-verdict"><span class="sw-verdict sw-verdict--${row.verdict}"><span class="sw-verdict__icon" aria-hidden="true">${VERDICT_ICON[row.verdict]}</span>${verdicts[row.verdict]}</span></td><td class="num batch-score"><strong>${number(row.score)}</strong>${row.best > row.score && html`<span class="batch-best"> → ${number(row.best)}</span>`}</td><td class="batch-tier">${tier(row)}</td><td class="batch-icp">${row.icp}</td><td class="batch-reasons">${row.reasons}</td></tr>`,
    );
    const body = this.ref('rows');
    const token = ++this.renderToken;
    body.innerHTML = markup.slice(0, ROWS_PER_FRAME).join('');
    const more = (from: number) => {
      if (token !== this.renderToken || from >= markup.length) return;
      body.insertAdjacentHTML('beforeend', markup.slice(from, from + ROWS_PER_FRAME).join(''));
      requestAnimationFrame(() => more(from + ROWS_PER_FRAME));
    };
    requestAnimationFrame(() => more(ROWS_PER_FRAME));
    for (const th of this.ref('table').querySelectorAll<HTMLElement>('th[data-key]')) {
      const key = th.dataset['key'];
      if (key === this.query.sort)
        th.setAttribute('aria-sort', this.query.direction === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
  }

  /** Unmatched columns and unrecognised values, each with a choice; the `aliases:` lines to save. */
  private renderMapping(message: Done): void {
    const m = this.b.mapping;
    const { number } = getFormatters(this.model.locale);
    const { attributes } = this.model;
    const box = this.ref('mapping');
    const exact = (n: number) =>
      n.toLocaleString(this.model.locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 10 });
    const selected = (yes: boolean) => yes && html` selected`;
    const options = (chosen: string | undefined, list: { id: string; label: string }[], none: string) =>
      html`<option value=""${selected(chosen === undefined)}>${none}</option>${list.map((o) => html`<option value="${o.id}"${selected(o.id === chosen)}>${o.label}</option>`)}`;
    const columns = message.unmatched.map((column) => {
      const free = attributes.filter((a) => !message.taken.includes(a.id) || a.id === column.attribute);
      const label = `${m.attribute}: ${column.header}`;
      const attribute = attributes.find((a) => a.id === column.attribute);
      // A number column may hold another unit (euros for M€): a scale makes it a `{ column, scale }` alias.
      const scale = this.mapping.scales?.[column.header] ?? 1;
      const scaleSelect =
        attribute?.type === 'number' &&
        html`<select data-map="scale:${column.header}" aria-label="${`${m.scale}: ${column.header}`}">${SCALES.map((factor) => html`<option value="${factor}"${selected(factor === scale)}>${factor === 1 ? m.scaleNone : `× ${exact(factor)}`}</option>`)}</select>`;
      const samples = column.samples.map((s, i) => html`${i > 0 && ' '}<code>${s}</code>`);
      return html`<tr><th scope="row">${column.header}</th><td class="batch-samples">${samples}</td><td><select data-map="column:${column.header}" aria-label="${label}">${options(column.attribute, free, m.keep)}</select>${scaleSelect}</td></tr>`;
    });
    this.ref('mapping-columns').innerHTML =
      columns.length === 0
        ? ''
        : String(
            html`<h4 id="batch-map-columns">${m.columnsTitle}</h4><p class="muted">${m.columnsLead}</p><div class="table-wrap" tabindex="0" role="region" aria-labelledby="batch-map-columns"><table class="batch-map-table"><thead><tr><th scope="col">${m.column}</th><th scope="col">${m.samples}</th><th scope="col">${m.attribute}</th></tr></thead><tbody>${columns}</tbody></table></div>`,
          );
    this.ref('mapping-values').innerHTML = message.unrecognised
      .map((group, g) => {
        const attribute = attributes.find((a) => a.id === group.attribute);
        const list =
          attribute && (attribute.type === 'choice' || attribute.type === 'choices') ? attribute.options : [];
        const title = fillTemplate(m.valuesOf, {
          attribute: attribute?.label ?? group.attribute,
          header: group.header,
        });
        const rows = group.values.map(
          (v) =>
            html`<tr><th scope="row"><code>${v.value}</code></th><td class="num">${number(v.count)}</td><td><select data-map="value:${group.attribute}:${v.value}" aria-label="${`${m.option}: ${v.value}`}">${options(v.option, list, m.leave)}</select></td></tr>`,
        );
        const more =
          group.more > 0 &&
          html`<p class="muted">${fillTemplate(pickPlural(m.moreValues, group.more, this.model.locale), { count: number(group.more) })}</p>`;
        return html`<h4 id="batch-map-values-${g}">${m.valuesTitle} · ${title}</h4><div class="table-wrap" tabindex="0" role="region" aria-labelledby="batch-map-values-${g}"><table class="batch-map-table"><thead><tr><th scope="col">${m.value}</th><th scope="col" class="num">${m.count}</th><th scope="col">${m.option}</th></tr></thead><tbody>${rows}</tbody></table></div>${more}`;
      })
      .join('');
    box.hidden = message.unmatched.length === 0 && message.unrecognised.length === 0 && isEmptyMapping(this.mapping);
    this.renderSave();
  }

  /** The `aliases:` lines for the mapping chosen, to copy or download. */
  private renderSave(): void {
    const yaml = mappingToYaml(this.model.attributes, this.mapping, this.b.mapping.yamlComment);
    this.ref('save').hidden = yaml === '';
    this.ref('yaml').textContent = yaml;
    if (this.yamlUrl) URL.revokeObjectURL(this.yamlUrl);
    this.yamlUrl = URL.createObjectURL(new Blob([yaml], { type: 'text/yaml;charset=utf-8' }));
    this.ref<HTMLAnchorElement>('download-yaml').href = this.yamlUrl;
    this.ref('storage-note').textContent = this.storageWorks ? this.b.mapping.remembered : this.b.mapping.storageOff;
  }

  private onMappingChange(select: HTMLSelectElement): void {
    const key = select.dataset['map'];
    if (!key) return;
    const mapping = cleanMapping(this.mapping, this.model.attributes);
    const [kind, ...rest] = key.split(':');
    if (kind === 'column') {
      const header = rest.join(':');
      if (select.value) mapping.columns[header] = select.value;
      else delete mapping.columns[header];
    } else if (kind === 'scale') {
      const header = rest.join(':');
      const scales = (mapping.scales ??= Object.create(null) as Record<string, number>);
      scales[header] = Number(select.value);
    } else {
      const [attribute = '', ...value] = rest;
      const text = value.join(':');
      const values = (mapping.values[attribute] ??= Object.create(null) as Record<string, string>);
      if (select.value) values[text] = select.value;
      else delete values[text];
    }
    this.mapping = cleanMapping(mapping, this.model.attributes);
    this.saveMapping();
    this.refocus = key;
    this.rescoring = true;
    this.score();
  }

  private forgetMapping(): void {
    this.mapping = emptyMapping();
    this.saveMapping();
    this.rescoring = true;
    this.score();
  }

  private storageKey(): string {
    return this.dataset['storageKey'] ?? 'icp-playbook:batch-mapping';
  }

  /** The mapping remembered in this browser for this playbook; empty when there is none or storage is off. */
  private loadMapping(): BatchMapping {
    try {
      const saved = localStorage.getItem(this.storageKey());
      this.storageWorks = true;
      return saved ? cleanMapping(JSON.parse(saved), this.model.attributes) : emptyMapping();
    } catch {
      // Storage disabled (privacy settings, sandboxed frame) or unreadable: start from nothing.
      this.storageWorks = false;
      return emptyMapping();
    }
  }

  private saveMapping(): void {
    try {
      if (isEmptyMapping(this.mapping)) localStorage.removeItem(this.storageKey());
      else localStorage.setItem(this.storageKey(), JSON.stringify(this.mapping));
      this.storageWorks = true;
    } catch {
      this.storageWorks = false;
    }
  }

  private async copyYaml(): Promise<void> {
    const button = this.ref('copy-yaml');
    const m = this.b.mapping;
    try {
      await navigator.clipboard.writeText(this.ref('yaml').textContent ?? '');
      this.say(m.copied);
      button.textContent = m.copied;
    } catch {
      // No clipboard (permissions, insecure context): select the lines so Ctrl+C works.
      const range = document.createRange();
      range.selectNodeContents(this.ref('yaml'));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      this.say(m.copyFailed);
      button.textContent = m.copyFailed;
    }
    setTimeout(() => (button.textContent = m.copy), 2500);
  }

  /** Every column, or key columns and results only (built by the worker on first ask). */
  private chooseDownload(keys: boolean): void {
    if (!keys) this.setDownload(this.objectUrl, false);
    else if (this.keysUrl) this.setDownload(this.keysUrl, true);
    else {
      this.setDownload(undefined, true);
      this.post({ type: 'keys' });
    }
  }

  private setDownload(url: string | undefined, keys: boolean): void {
    const download = this.ref<HTMLAnchorElement>('download');
    if (url) download.href = url;
    else download.removeAttribute('href');
    download.setAttribute('aria-disabled', String(!url));
    download.download = this.fileName.replace(/(\.[^.]*)?$/, keys ? '-scored-keys.csv' : '-scored.csv');
  }

  private renderProblems(message: Done): void {
    const box = this.ref('problems');
    const t = this.t.batch;
    const p = this.b.problems;
    const { number } = getFormatters(this.model.locale);
    box.hidden = message.problemCount === 0;
    if (message.problemCount === 0) return;
    this.ref('problems-title').textContent = fillTemplate(
      pickPlural(t.problemsTitle, message.problemCount, this.model.locale),
      { count: number(message.problemCount) },
    );
    this.ref('group-rows').innerHTML = message.problemGroups
      .map(
        (g) =>
          html`<tr><td>${g.header || String(g.column)} <span class="muted">(${g.column})</span></td><td>${g.value === '' ? html`<span class="muted">${p.empty}</span>` : html`<code>${g.value}</code>`}</td><td class="num">${number(g.count)}</td><td>${g.message}</td></tr>`,
      )
      .join('');
    this.ref('problems-more').textContent =
      message.problemCount > message.problems.length
        ? fillTemplate(t.problemsMore, { shown: number(message.problems.length), total: number(message.problemCount) })
        : `(${number(message.problemCount)})`;
    this.ref('problem-rows').innerHTML = message.problems
      .map(
        (p) =>
          html`<tr><td class="num">${p.row}</td><td>${p.header || String(p.column)} <span class="muted">(${p.column})</span></td><td><code>${p.value}</code></td><td>${p.message}</td></tr>`,
      )
      .join('');
  }

  private say(message: string): void {
    const status = this.ref('status');
    status.textContent = '';
    requestAnimationFrame(() => (status.textContent = message));
  }
}

if (!customElements.get('batch-scorer')) customElements.define('batch-scorer', BatchScorer);
