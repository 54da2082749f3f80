// <score-widget>: scores the account the rep describes in the server-rendered form, on every
// change, with the engine the unit tests cover. The form state lives in the page address.
import type { Attribute } from '../../schemas/attribute.ts';
import { fillTemplate, type WidgetStrings } from '../../lib/i18n/widget.ts';
import { scoreAccount, scoreBestFit, type IcpInput } from '../../lib/scoring/score-account.ts';
import type { Account, AttributeValue, ScoreResult } from '../../lib/scoring/types.ts';
import { getFormatters } from '../../lib/format.ts';
import { formatPlainNumber } from '../../lib/parse-number.ts';
import {
  cleanDomain,
  parseAccountLabel,
  parseAccountQuery,
  readNumberField,
  toShareQuery,
  type AccountLabel,
  type NumberFieldReading,
} from '../../lib/scoring/url-state.ts';
import {
  accountWords,
  announcement,
  renderList,
  renderSingle,
  resultState,
  type RenderContext,
} from './render-result.ts';
import type { WidgetModel } from './widget-model.ts';

/** How long typing waits before the address is updated, and before the result is announced. */
const TYPING_DELAY_MS = 350;
const ANNOUNCE_DELAY_MS = 700;

export class ScoreWidget extends HTMLElement {
  private model!: WidgetModel;
  private icps!: IcpInput[];
  private strings!: WidgetStrings;
  private context!: RenderContext;
  private form!: HTMLFormElement;
  private output!: HTMLElement;
  private status!: HTMLElement;
  private bar: HTMLElement | null = null;
  /** ICPs the rep expanded or collapsed by hand, in list mode. */
  private readonly toggled = new Map<string, boolean>();
  /** Numbers the widget wrote into inputs (from the link), by input: read back as written, even `1.234`. */
  private readonly written = new WeakMap<HTMLInputElement, { text: string; value: number }>();
  /** ICPs whose every signal row the rep asked to see. */
  private readonly allSignals = new Set<string>();
  private lastBest: string | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** True while the current history entry is one that typing created and may keep replacing. */
  private draftEntry = false;
  private lastHtml = '';
  private lastAnnounced = '';
  private abort = new AbortController();
  /** The page's own title, before the account name is put in front of it. */
  private baseTitle = '';
  /** The one-line result last shown, for the share sheet's text. */
  private lastSummary = '';

  connectedCallback(): void {
    const data = this.querySelector('script[type="application/json"]');
    const form = this.querySelector('form');
    const output = this.querySelector<HTMLElement>('[data-score-output]');
    const status = this.querySelector<HTMLElement>('[data-score-status]');
    if (!data || !form || !output || !status) return;
    // Listeners live as long as the element is in the page (it may be moved and come back).
    this.abort = new AbortController();
    this.model = JSON.parse(data.textContent ?? '{}') as WidgetModel;
    // The build validated and trimmed this data; the engine only reads the scoring fields.
    this.icps = this.model.icps.map((icp) => ({ id: icp.id, data: icp.data }));
    this.strings = this.model.strings;
    this.context = {
      attributes: this.model.attributes,
      locale: this.model.locale,
      strings: this.strings,
      titles: Object.fromEntries(this.model.icps.map((icp) => [icp.id, icp.data.title])),
      subheadLevel: this.model.subheadLevel ?? 4,
      contacts: Object.fromEntries(this.model.icps.map((icp) => [icp.id, icp.contacts])),
      allSignals: this.allSignals,
    };
    this.baseTitle = document.title;
    this.form = form;
    this.output = output;
    this.status = status;
    this.bar = this.querySelector<HTMLElement>('[data-score-bar]');
    this.lastHtml = output.innerHTML;
    const signal = this.abort.signal;

    form.addEventListener('submit', (event) => event.preventDefault(), { signal });
    form.addEventListener('input', (event) => this.onInput(event), { signal });
    form.addEventListener('change', (event) => this.onChange(event), { signal });
    output.addEventListener('toggle', (event) => this.onToggle(event), { capture: true, signal });
    output.addEventListener('click', (event) => this.onShowAllSignals(event), { signal });
    this.querySelector('[data-score-copy]')?.addEventListener('click', () => void this.share(), { signal });
    // Where the platform has a share sheet (phones, some desktops), the button opens it.
    if (typeof navigator.share === 'function') {
      const label = this.querySelector('[data-score-copy] [data-label]');
      if (label) label.textContent = this.strings.share;
    }
    this.querySelector('[data-score-reset]')?.addEventListener('click', () => this.reset(), { signal });
    window.addEventListener('popstate', () => this.restore(), { signal });

    if (this.bar) {
      // The phone's sticky result line hides while the result itself is on screen.
      const bar = this.bar;
      const observer = new IntersectionObserver(
        (entries) => (bar.dataset['hidden'] = String(entries.some((entry) => entry.isIntersecting))),
      );
      observer.observe(output);
      signal.addEventListener('abort', () => observer.disconnect());
    }
    this.restore();
    // Show the address the form understood: hostile or stale parameters are dropped.
    const canonical = this.queryUrl();
    if (canonical !== location.pathname + location.search + location.hash)
      history.replaceState(history.state, '', canonical);
    this.classList.add('is-ready');
  }

  disconnectedCallback(): void {
    this.abort.abort();
    clearTimeout(this.typingTimer);
    clearTimeout(this.announceTimer);
  }

  private get attributeList(): Attribute[] {
    return this.model.attributes;
  }

  private controls(name: string): (HTMLInputElement | HTMLSelectElement)[] {
    return [...this.form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${CSS.escape(name)}"]`)];
  }

  /** The account the form describes; invalid numbers are unknown (and marked invalid). */
  readAccount(): Account {
    const account = Object.create(null) as Record<string, AttributeValue>;
    for (const attribute of this.attributeList) {
      const controls = this.controls(attribute.id);
      switch (attribute.type) {
        case 'number': {
          const input = controls[0] as HTMLInputElement | undefined;
          if (!input) break;
          const mine = this.written.get(input);
          // A number the widget wrote from a link is read back as written (`1.234` is not ambiguous then).
          const reading: NumberFieldReading =
            mine?.text === input.value ? { kind: 'ok', value: mine.value } : readNumberField(input.value, attribute);
          this.markInvalid(input, reading);
          if (reading.kind === 'ok') account[attribute.id] = reading.value;
          break;
        }
        case 'choice': {
          const chosen = controls.find((c) => (c instanceof HTMLSelectElement ? true : c.checked));
          if (chosen && chosen.value !== '') account[attribute.id] = chosen.value;
          break;
        }
        case 'boolean': {
          const chosen = controls.find((c) => (c as HTMLInputElement).checked);
          if (chosen?.value === 'yes') account[attribute.id] = true;
          else if (chosen?.value === 'no') account[attribute.id] = false;
          break;
        }
        case 'choices': {
          const boxes = controls as HTMLInputElement[];
          const none = this.form.querySelector<HTMLInputElement>(`[name="${CSS.escape(attribute.id)}:none"]`);
          const ids = boxes.filter((box) => box.checked).map((box) => box.value);
          if (ids.length > 0) account[attribute.id] = ids;
          else if (none?.checked) account[attribute.id] = [];
          break;
        }
      }
    }
    return account;
  }

  /** Shows what is wrong with a number field under it (or hides the message when nothing is). */
  private markInvalid(input: HTMLInputElement, reading: NumberFieldReading): void {
    const error = this.querySelector<HTMLElement>(`#${CSS.escape(input.id)}-error`);
    const message = this.numberMessage(reading);
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    if (error) {
      if (error.textContent !== (message ?? '')) error.textContent = message ?? '';
      error.hidden = !message;
    }
  }

  private numberMessage(reading: NumberFieldReading): string | undefined {
    const t = this.strings.number;
    const { number } = getFormatters(this.model.locale);
    // Decimals in the playbook's own way of writing them: 1.2 in English, 1,2 in French.
    const decimal = (text: string) => (this.model.locale === 'fr' ? text.replace('.', ',') : text);
    switch (reading.kind) {
      case 'empty':
      case 'ok':
        return undefined;
      case 'ambiguous':
        return fillTemplate(t.ambiguous, {
          value: reading.value,
          thousands: reading.thousands,
          decimal: decimal(reading.decimal),
        });
      case 'withWords':
        return fillTemplate(t.withWords, { number: reading.number });
      case 'notNumber':
        return t.notNumber;
      case 'belowMin':
        return fillTemplate(t.belowMin, { min: number(reading.min) });
      case 'aboveMax':
        return fillTemplate(t.aboveMax, { max: number(reading.max) });
    }
  }

  /** The account name and domain the rep typed (free text, never scored). */
  readLabel(): AccountLabel {
    const field = (which: string) =>
      this.form.querySelector<HTMLInputElement>(`[data-account-field="${which}"]`)?.value.trim() || undefined;
    return { name: field('name'), domain: cleanDomain(field('domain')) };
  }

  private writeLabel(label: AccountLabel): void {
    const name = this.form.querySelector<HTMLInputElement>('[data-account-field="name"]');
    const domain = this.form.querySelector<HTMLInputElement>('[data-account-field="domain"]');
    if (name) name.value = label.name ?? '';
    if (domain) domain.value = label.domain ?? '';
  }

  /** Puts an account into the form (page load, back/forward, reset). */
  private writeAccount(account: Account): void {
    for (const attribute of this.attributeList) {
      const value = Object.hasOwn(account, attribute.id) ? account[attribute.id] : undefined;
      const controls = this.controls(attribute.id);
      switch (attribute.type) {
        case 'number': {
          const input = controls[0] as HTMLInputElement | undefined;
          // Plain decimals, never `1e-7`; remembered, so `1.234` from a link is not read as ambiguous.
          if (input) {
            input.value = typeof value === 'number' ? formatPlainNumber(value) : '';
            if (typeof value === 'number') this.written.set(input, { text: input.value, value });
            else this.written.delete(input);
          }
          if (input) this.markInvalid(input, { kind: 'empty' });
          break;
        }
        case 'choice':
          for (const control of controls) {
            if (control instanceof HTMLSelectElement) control.value = typeof value === 'string' ? value : '';
            else control.checked = control.value === (typeof value === 'string' ? value : '');
          }
          break;
        case 'boolean': {
          const wanted = value === true ? 'yes' : value === false ? 'no' : '';
          for (const control of controls) (control as HTMLInputElement).checked = control.value === wanted;
          break;
        }
        case 'choices': {
          const selected = Array.isArray(value) ? value : undefined;
          for (const control of controls)
            (control as HTMLInputElement).checked = selected?.includes(control.value) ?? false;
          const none = this.form.querySelector<HTMLInputElement>(`[name="${CSS.escape(attribute.id)}:none"]`);
          if (none) none.checked = selected !== undefined && selected.length === 0;
          break;
        }
      }
    }
  }

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    this.syncNoneOfThese(target);
    this.update();
    if (target.type === 'number' || target.type === 'text') {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.saveTyping(), TYPING_DELAY_MS);
    }
  }

  private onChange(event: Event): void {
    const target = event.target as HTMLInputElement;
    if (target.type === 'number' || target.type === 'text') {
      // Typing is done (blur or Enter): the next change starts a new history entry.
      this.flushTyping();
      this.draftEntry = false;
      return;
    }
    this.flushTyping();
    this.save('push');
  }

  /** "None of these" and the options of a `choices` field exclude each other. */
  private syncNoneOfThese(target: HTMLInputElement): void {
    if (target.type !== 'checkbox' || !target.checked) return;
    const [name, none] = target.name.split(':');
    if (none === 'none') for (const box of this.controls(name!)) (box as HTMLInputElement).checked = false;
    else {
      const noneBox = this.form.querySelector<HTMLInputElement>(`[name="${CSS.escape(target.name)}:none"]`);
      if (noneBox) noneBox.checked = false;
    }
  }

  private flushTyping(): void {
    if (this.typingTimer === undefined) return;
    clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    this.saveTyping();
  }

  private saveTyping(): void {
    this.typingTimer = undefined;
    this.save('type');
  }

  /** The page address for the current form state (other parameters are dropped). */
  private queryUrl(account = this.readAccount()): string {
    const query = toShareQuery(this.readLabel(), account, this.attributeList);
    return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  }

  /**
   * Writes the state into the address. Discrete changes (a select, a radio, a checkbox, reset)
   * push a history entry; typing pushes one entry for the burst, then replaces it as the rep types.
   */
  private save(mode: 'push' | 'type'): void {
    const url = this.queryUrl();
    if (url === location.pathname + location.search + location.hash) return;
    if (mode === 'type' && this.draftEntry) history.replaceState(history.state, '', url);
    else history.pushState(null, '', url);
    this.draftEntry = mode === 'type';
  }

  private restore(): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    this.draftEntry = false;
    this.writeAccount(parseAccountQuery(location.search, this.attributeList));
    this.writeLabel(parseAccountLabel(location.search));
    this.update();
  }

  private reset(): void {
    this.flushTyping();
    this.writeAccount({});
    this.writeLabel({});
    this.toggled.clear();
    this.update();
    this.save('push');
    this.say(this.strings.resetDone);
    this.form.querySelector<HTMLElement>('input, select')?.focus();
  }

  /** Opens the platform's share sheet where there is one, else copies the link. */
  private async share(): Promise<void> {
    this.flushTyping();
    if (typeof navigator.share !== 'function') return this.copyLink();
    const who = accountWords(this.readLabel());
    const data = {
      title: document.title,
      text: who ? fillTemplate(this.strings.shareText, { account: who, result: this.lastSummary }) : this.lastSummary,
      url: location.href,
    };
    try {
      await navigator.share(data);
      this.say(this.strings.shared);
    } catch (error) {
      // The rep closed the share sheet: nothing to say. Any other failure: copy instead.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      await this.copyLink();
    }
  }

  private async copyLink(): Promise<void> {
    const button = this.querySelector<HTMLButtonElement>('[data-score-copy]');
    const link = location.href;
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      copied = copyWithSelection(link);
    }
    const message = copied ? this.strings.copied : this.strings.copyFailed;
    this.say(message);
    if (button) {
      const label = button.querySelector('[data-label]');
      if (label) {
        label.textContent = message;
        const idle = typeof navigator.share === 'function' ? this.strings.share : this.strings.copyLink;
        setTimeout(() => (label.textContent = idle), 2000);
      }
    }
  }

  private onShowAllSignals(event: Event): void {
    const button = (event.target as Element).closest<HTMLElement>('[data-all-signals]');
    const id = button?.dataset['allSignals'];
    if (!id) return;
    this.allSignals.add(id);
    this.update();
  }

  private onToggle(event: Event): void {
    const details = event.target as HTMLDetailsElement;
    const id = details.dataset['icp'];
    if (id && details.open !== (this.toggled.get(id) ?? id === this.lastBest)) this.toggled.set(id, details.open);
  }

  /** Scores the form and renders the result (only when it changed, so focus and scroll stay put). */
  update(): void {
    const account = this.readAccount();
    const label = this.readLabel();
    this.context.account = label;
    const who = accountWords(label);
    document.title = who
      ? fillTemplate(this.strings.titleWithAccount, { account: who, title: this.baseTitle })
      : this.baseTitle;
    let html: string;
    let summary: ScoreResult | undefined;
    let spoken: string;
    if (this.icps.length === 1) {
      summary = scoreAccount(account, this.icps[0]!, this.attributeList, this.model.locale);
      html = renderSingle(summary, this.context);
      spoken = announcement(summary, this.context);
    } else {
      const { best, results } = scoreBestFit(account, this.icps, this.attributeList, this.model.locale, {
        includeInactive: true,
      });
      summary = best;
      this.lastBest = best?.icpId;
      const open = new Set(
        results.filter((r) => this.toggled.get(r.icpId) ?? r.icpId === best?.icpId).map((r) => r.icpId),
      );
      html = renderList(results, this.context, open);
      spoken = best
        ? fillTemplate(this.strings.announceBest, {
            icp: this.context.titles[best.icpId] ?? best.icpId,
            result: announcement(best, this.context),
          })
        : this.strings.noIcp;
    }
    if (html !== this.lastHtml) {
      const focused = document.activeElement;
      const focusedIcp =
        focused instanceof HTMLElement && this.output.contains(focused)
          ? focused.closest<HTMLElement>('[data-icp]')?.dataset['icp']
          : undefined;
      this.output.innerHTML = html;
      this.lastHtml = html;
      if (focusedIcp) this.output.querySelector<HTMLElement>(`[data-icp="${CSS.escape(focusedIcp)}"] summary`)?.focus();
    }
    if (summary) this.updateBar(summary);
    const state = summary ? resultState(summary) : 'empty';
    this.lastSummary = summary ? announcement(summary, this.context) : '';
    this.dataset['verdict'] = summary?.verdict ?? '';
    this.dataset['state'] = state;
    clearTimeout(this.announceTimer);
    // Nothing answered yet has nothing to say: no "Unknown, Tier 3" before any answer.
    if (state === 'empty') return;
    this.announceTimer = setTimeout(() => {
      if (spoken !== this.lastAnnounced) this.say(spoken);
    }, ANNOUNCE_DELAY_MS);
  }

  private updateBar(result: ScoreResult): void {
    if (!this.bar) return;
    const text = this.bar.querySelector('[data-bar-text]');
    if (text) text.textContent = announcement(result, this.context);
    this.bar.dataset['verdict'] = result.verdict;
  }

  /** Says something in the polite live region. */
  private say(message: string): void {
    // A message said now replaces a result announcement still waiting for typing to settle.
    clearTimeout(this.announceTimer);
    this.lastAnnounced = message;
    // Clearing first makes screen readers repeat a message that did not change (e.g. "Link copied").
    this.status.textContent = '';
    requestAnimationFrame(() => (this.status.textContent = message));
  }
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

if (!customElements.get('score-widget')) customElements.define('score-widget', ScoreWidget);
