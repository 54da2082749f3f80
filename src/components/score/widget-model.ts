import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import type { PlaybookModel } from '../../lib/model/playbook-model.ts';
import type { ScoringIcpData } from '../../lib/scoring/types.ts';
import { getUiStrings } from '../../lib/i18n/ui.ts';
import { getWidgetStrings, type WidgetStrings } from '../../lib/i18n/widget.ts';

/** A persona to call about an account that fits: who, in which buying role, and what they will object. */
export interface WidgetContact {
  /** The buying role in words, in the playbook locale (`Champion`, `Economic buyer`). */
  role: string;
  name: string;
  /** Their job title, e.g. `VP Revenue Operations`. */
  title: string;
  /** Link to the persona page. */
  href: string;
  /** Their first objection and its answer, if the persona lists any. */
  objection?: { objection: string; answer: string } | undefined;
}

/** What the build hands the widget in its `<script type="application/json">`: already validated. */
export interface WidgetModel {
  locale: Locale;
  attributes: Attribute[];
  icps: { id: string; data: ScoringIcpData; contacts: WidgetContact[] }[];
  /** The UI strings of the playbook locale. */
  strings: WidgetStrings;
  /** Level of the headings inside a result: 4 under a widget heading, else 3 (set by ScoreWidget.astro). */
  subheadLevel?: number;
}

/**
 * Who to call first about an account of this ICP: its champion, then whoever signs (the
 * economic buyer, else the decision maker), from the personas that list the ICP.
 */
export function whoToCall(
  model: Pick<PlaybookModel, 'settings' | 'personas'>,
  icpId: string,
  personaUrl: (id: string) => string = (id) => `/personas/${id}/`,
): WidgetContact[] {
  const roles = getUiStrings(model.settings.locale).buyingRoles;
  const personas = model.personas.filter((persona) => persona.data.icps.includes(icpId));
  const byRole = (role: keyof typeof roles) => personas.find((persona) => persona.data.buyingRole === role);
  const picked = [byRole('champion'), byRole('economic-buyer') ?? byRole('decision-maker')].filter(
    (p) => p !== undefined,
  );
  return picked.map((persona) => {
    const [first] = persona.data.objections;
    return {
      role: roles[persona.data.buyingRole],
      name: persona.data.name,
      title: persona.data.role,
      href: personaUrl(persona.id),
      objection: first ? { objection: first.objection, answer: first.answer } : undefined,
    };
  });
}

/** The widget's data for these ICPs (in the order given); unknown ids are an authoring error. */
/** `personaUrl` builds persona links with the site's base path (the routes module). */
export function toWidgetModel(
  model: Pick<PlaybookModel, 'settings' | 'attributes' | 'icps' | 'personas'>,
  icpIds: readonly string[],
  personaUrl?: (id: string) => string,
): WidgetModel {
  const icps = icpIds.map((id) => {
    const entry = model.icps.find((icp) => icp.id === id);
    if (!entry)
      throw new Error(
        `<ScoreWidget icpIds>: no ICP "${id}" in content/icps (known: ${model.icps.map((i) => i.id).join(', ')})`,
      );
    const { title, status, filters, signals, tiers } = entry.data;
    return { id, data: { title, status, filters, signals, tiers }, contacts: whoToCall(model, id, personaUrl) };
  });
  const { locale } = model.settings;
  return { locale, attributes: model.attributes, icps, strings: getWidgetStrings(locale) };
}

/** The model as JSON safe inside `<script>`: `<` is escaped so no `</script>` can end it early. */
export function serializeWidgetModel(model: WidgetModel): string {
  return JSON.stringify(model)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
