import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../../schemas/playbook.ts';
import type { IcpData, PlaybookModel } from '../../lib/content/model.ts';
import { getWidgetStrings, type WidgetStrings } from '../../lib/i18n/widget.ts';

/** The part of an ICP that scoring reads; the rest (pains, market, narrative) stays on the server. */
export type ScoringIcpData = Pick<IcpData, 'title' | 'status' | 'filters' | 'signals' | 'tiers'>;

/** What the build hands the widget in its `<script type="application/json">`: already validated. */
export interface WidgetModel {
  locale: Locale;
  attributes: Attribute[];
  icps: { id: string; data: ScoringIcpData }[];
  /** The UI strings of the playbook locale. */
  strings: WidgetStrings;
  /** Level of the headings inside a result: 4 under a widget heading, else 3 (set by ScoreWidget.astro). */
  subheadLevel?: number;
}

/** The widget's data for these ICPs (in the order given); unknown ids are an authoring error. */
export function toWidgetModel(model: Pick<PlaybookModel, 'settings' | 'attributes' | 'icps'>, icpIds: readonly string[]): WidgetModel {
  const icps = icpIds.map((id) => {
    const entry = model.icps.find((icp) => icp.id === id);
    if (!entry) throw new Error(`<ScoreWidget icpIds>: no ICP "${id}" in content/icps (known: ${model.icps.map((i) => i.id).join(', ')})`);
    const { title, status, filters, signals, tiers } = entry.data;
    return { id, data: { title, status, filters, signals, tiers } };
  });
  const { locale } = model.settings;
  return { locale, attributes: model.attributes, icps, strings: getWidgetStrings(locale) };
}

/** The model as JSON safe inside `<script>`: `<` is escaped so no `</script>` can end it early. */
export function serializeWidgetModel(model: WidgetModel): string {
  return JSON.stringify(model).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
