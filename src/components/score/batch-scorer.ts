// <batch-scorer>: scores a CSV of accounts in a Web Worker, shows the first rows in a sortable
// table with the unreadable cells, and offers the scored CSV as a download. Nothing is uploaded.
import { getFormatters } from '../../lib/format.ts';
import { scoringMessages } from '../../lib/i18n/scoring.ts';
import { fillTemplate, pickPlural, type WidgetStrings } from '../../lib/i18n/widget.ts';
import type { Verdict } from '../../lib/scoring/types.ts';
import type { WidgetModel } from './widget-model.ts';
import type { BatchRow, FromWorker, SortDirection, SortKey, ToWorker } from './batch-protocol.ts';
import { escapeHtml } from './render-result.ts';

/** Rows rendered in the table; the download has them all. */
export const SHOWN_ROWS = 500;
/** Rows added to the table per animation frame. */
const ROWS_PER_FRAME = 50;
const VERDICT_ICON: Record<Verdict, string> = { fit: '✓', unknown: '?', out: '✕' };

export class BatchScorer extends HTMLElement {
  private model!: WidgetModel;
  private t!: WidgetStrings;
  private worker: Worker | undefined;
  private objectUrl: string | undefined;
  private started = 0;
  private fileName = 'accounts.csv';
  private sort: SortKey = 'line';
  private direction: SortDirection = 'asc';
  private renderToken = 0;
  private abort = new AbortController();

  connectedCallback(): void {
    const data = this.querySelector('script[type="application/json"]');
    if (!data) return;
    this.abort = new AbortController();
    this.model = JSON.parse(data.textContent ?? '{}') as WidgetModel;
    this.t = this.model.strings;
    const signal = this.abort.signal;
    const input = this.ref<HTMLInputElement>('file');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) this.run(file, file.name);
      input.value = '';
    }, { signal });
    const drop = this.ref('drop');
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      drop.classList.add('is-over');
    };
    drop.addEventListener('dragenter', over, { signal });
    drop.addEventListener('dragover', over, { signal });
    drop.addEventListener('dragleave', (event) => {
      if (!drop.contains(event.relatedTarget as Node | null)) drop.classList.remove('is-over');
    }, { signal });
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('is-over');
      const file = event.dataTransfer?.files[0];
      if (file) this.run(file, file.name);
    }, { signal });
    this.ref('example').addEventListener('click', () => void this.runExample(), { signal });
    this.ref('table').addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-sort]');
      if (button) this.sortBy(button.dataset['sort'] as SortKey);
    }, { signal });
    this.classList.add('is-ready');
  }

  disconnectedCallback(): void {
    this.abort.abort();
    this.worker?.terminate();
    this.worker = undefined;
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
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
    if (this.dataset['state'] === 'running') {
      // A new file replaces the one being scored: stop that job rather than mix the two.
      this.worker?.terminate();
      this.worker = undefined;
    }
    if (name && !/\.(csv|txt|tsv)$/i.test(name) && file.type && !/csv|text/.test(file.type)) {
      this.fail(this.t.batch.notCsv);
      return;
    }
    this.fileName = name || 'accounts.csv';
    this.sort = 'line';
    this.direction = 'asc';
    this.ref('error').hidden = true;
    this.ref('results').hidden = true;
    this.ref('progress').hidden = false;
    this.setProgress(0, file.size, 0);
    this.setAttribute('aria-busy', 'true');
    delete this.dataset['ms'];
    this.dataset['state'] = 'running';
    this.say(this.t.batch.reading);
    this.started = performance.now();
    const { locale, attributes, icps } = this.model;
    this.post({ type: 'score', file, model: { locale, attributes, icps }, limit: SHOWN_ROWS });
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
        this.sort = message.sort;
        this.direction = message.direction;
        this.renderRows(message.view);
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
    const error = this.ref('error');
    error.textContent = fillTemplate(this.t.batch.failed, { message: message.replace(/\.$/, '') });
    error.hidden = false;
  }

  private done(message: Extract<FromWorker, { type: 'done' }>): void {
    const ms = performance.now() - this.started;
    const { number } = getFormatters(this.model.locale);
    const t = this.t.batch;
    const verdicts = scoringMessages[this.model.locale].verdicts;
    this.removeAttribute('aria-busy');
    this.dataset['ms'] = ms.toFixed(0);
    this.dataset['rows'] = String(message.rows);
    this.dataset['state'] = 'done';
    this.ref('progress').hidden = true;

    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = URL.createObjectURL(message.output);
    const download = this.ref<HTMLAnchorElement>('download');
    download.href = this.objectUrl;
    download.download = this.fileName.replace(/(\.[^.]*)?$/, '-scored.csv');

    const seconds = new Intl.NumberFormat(this.model.locale === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 2 }).format(ms / 1000);
    const summary = message.rows === 0 ? t.empty : fillTemplate(pickPlural(t.done, message.rows, this.model.locale), { rows: number(message.rows), seconds });
    this.ref('summary').textContent = summary;
    this.ref('counts').innerHTML = (['fit', 'unknown', 'out'] as const)
      .map(
        (v) =>
          `<li class="sw-verdict sw-verdict--${v}"><span class="sw-verdict__icon" aria-hidden="true">${VERDICT_ICON[v]}</span>${escapeHtml(verdicts[v])}<strong>${number(message.counts[v])}</strong></li>`,
      )
      .join('');
    const columns = [fillTemplate(t.columnsRead, { names: message.columnsRead.join(', ') })];
    if (message.columnsMissing.length > 0) columns.push(fillTemplate(t.columnsMissing, { names: message.columnsMissing.join(', ') }));
    this.ref('columns').textContent = columns.join(' ');
    this.ref('showing').textContent =
      message.rows > SHOWN_ROWS ? fillTemplate(t.showing, { shown: number(SHOWN_ROWS), total: number(message.rows) }) : '';
    this.renderRows(message.view);
    this.renderProblems(message);
    this.ref('results').hidden = false;
    this.say(`${summary} ${(['fit', 'unknown', 'out'] as const).map((v) => `${verdicts[v]} ${number(message.counts[v])}`).join(', ')}.`);
  }

  private sortBy(key: SortKey): void {
    // A first click sorts best first: high scores, fit before out, Tier 1 before Tier 3, A to Z.
    const firstDirection: SortDirection = key === 'score' ? 'desc' : 'asc';
    const direction = key === this.sort ? (this.direction === 'asc' ? 'desc' : 'asc') : firstDirection;
    this.post({ type: 'view', sort: key, direction, limit: SHOWN_ROWS });
  }

  /**
   * Fills the table. A few hundred rows at once would block the page for a long layout, so the
   * first rows go in at once and the rest follow a chunk per frame.
   */
  private renderRows(view: BatchRow[]): void {
    const { number } = getFormatters(this.model.locale);
    const verdicts = scoringMessages[this.model.locale].verdicts;
    const html = view.map(
      (row) =>
        `<tr><td class="num batch-line">${row.line}</td><td class="batch-name">${escapeHtml(row.name)}</td><td class="batch-verdict"><span class="sw-verdict sw-verdict--${row.verdict}"><span class="sw-verdict__icon" aria-hidden="true">${VERDICT_ICON[row.verdict]}</span>${escapeHtml(verdicts[row.verdict])}</span></td><td class="num batch-score"><strong>${number(row.score)}</strong>${row.best > row.score ? `<span class="batch-best"> → ${number(row.best)}</span>` : ''}</td><td class="batch-tier">${row.tier ? `<span class="sw-tier">${escapeHtml(row.tier)}</span>` : '<span class="muted">—</span>'}</td><td class="batch-icp">${escapeHtml(row.icp)}</td><td class="batch-reasons">${escapeHtml(row.reasons)}</td></tr>`,
    );
    const body = this.ref('rows');
    const token = ++this.renderToken;
    body.innerHTML = html.slice(0, ROWS_PER_FRAME).join('');
    const more = (from: number) => {
      if (token !== this.renderToken || from >= html.length) return;
      body.insertAdjacentHTML('beforeend', html.slice(from, from + ROWS_PER_FRAME).join(''));
      requestAnimationFrame(() => more(from + ROWS_PER_FRAME));
    };
    requestAnimationFrame(() => more(ROWS_PER_FRAME));
    for (const th of this.ref('table').querySelectorAll<HTMLElement>('th[data-key]')) {
      const key = th.dataset['key'];
      if (key === this.sort) th.setAttribute('aria-sort', this.direction === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
  }

  private renderProblems(message: Extract<FromWorker, { type: 'done' }>): void {
    const box = this.ref('problems');
    const t = this.t.batch;
    const { number } = getFormatters(this.model.locale);
    box.hidden = message.problemCount === 0;
    if (message.problemCount === 0) return;
    this.ref('problems-title').textContent = fillTemplate(pickPlural(t.problemsTitle, message.problemCount, this.model.locale), { count: number(message.problemCount) });
    this.ref('problems-more').textContent =
      message.problemCount > message.problems.length ? fillTemplate(t.problemsMore, { shown: number(message.problems.length), total: number(message.problemCount) }) : '';
    this.ref('problem-rows').innerHTML = message.problems
      .map(
        (p) =>
          `<tr><td class="num">${p.row}</td><td>${escapeHtml(p.header || String(p.column))} <span class="muted">(${p.column})</span></td><td><code>${escapeHtml(p.value)}</code></td><td>${escapeHtml(p.message)}</td></tr>`,
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
