import type { Locale } from './locales.ts';
import type { SearchKind } from '../search-attrs.ts';

/**
 * Every string of the search button and dialog, in English and French. Plain strings only (they
 * travel to the browser as JSON): `{n}`, `{shown}` and `{query}` are filled in by the dialog.
 */
const en = {
  button: 'Search',
  /** Accessible name of the header button; the shortcuts are announced separately. */
  buttonLabel: 'Search the playbook',
  title: 'Search the playbook',
  inputLabel: 'Search ICPs, personas and guides',
  placeholder: 'Search ICPs, personas, guides…',
  close: 'Close',
  kindFacet: 'Kind',
  icpFacet: 'ICP',
  allKinds: 'All',
  allIcps: 'All ICPs',
  kinds: { icp: 'ICP', persona: 'Persona', page: 'Guide', market: 'Market', other: 'Other' } satisfies Record<
    SearchKind,
    string
  >,
  resultsLabel: 'Results',
  /** Plural forms, chosen with Intl.PluralRules. */
  results: { one: '{n} result', other: '{n} results' },
  resultsShown: 'Showing the first {shown} of {n} results: add a word or a filter to narrow them.',
  noResults: 'No results for “{query}”.',
  noResultsHint: 'Try fewer or other words, or remove a filter.',
  /** A close word from the index for a query word it does not hold: `Did you mean “comptable”?` */
  didYouMean: 'Did you mean {suggestion}?',
  noFilteredResults: 'Nothing matches these filters.',
  start: 'Type a word or two: a company type, a role, an objection, a pain.',
  loading: 'Loading search…',
  keys: '↑ ↓ to move, Enter to open, Esc to close',
  shortcut: 'Press / or Ctrl K to search',
  devUnavailable: 'Search works on the built site: run npm run build, then npm run preview.',
  loadFailed:
    'The search index did not load (/pagefind/pagefind.js is missing or blocked). Rebuild the site with npm run build.',
};

export type SearchStrings = typeof en;

const fr: SearchStrings = {
  button: 'Rechercher',
  buttonLabel: 'Rechercher dans le playbook',
  title: 'Rechercher dans le playbook',
  inputLabel: 'Rechercher des ICP, personas et guides',
  placeholder: 'ICP, personas, guides…',
  close: 'Fermer',
  kindFacet: 'Type',
  icpFacet: 'ICP',
  allKinds: 'Tout',
  allIcps: 'Tous les ICP',
  kinds: { icp: 'ICP', persona: 'Persona', page: 'Guide', market: 'Marché', other: 'Autre' },
  resultsLabel: 'Résultats',
  results: { one: '{n} résultat', other: '{n} résultats' },
  resultsShown: 'Les {shown} premiers résultats sur {n} : ajoutez un mot ou un filtre pour affiner.',
  noResults: 'Aucun résultat pour « {query} ».',
  noResultsHint: 'Essayez moins de mots, d’autres mots, ou retirez un filtre.',
  didYouMean: 'Vouliez-vous dire {suggestion} ?',
  noFilteredResults: 'Rien ne correspond à ces filtres.',
  start: 'Tapez un mot ou deux : un type d’entreprise, un rôle, une objection, une douleur.',
  loading: 'Chargement de la recherche…',
  keys: '↑ ↓ pour se déplacer, Entrée pour ouvrir, Échap pour fermer',
  shortcut: 'Appuyez sur / ou Ctrl K pour rechercher',
  devUnavailable: 'La recherche fonctionne sur le site construit : lancez npm run build, puis npm run preview.',
  loadFailed:
    'L’index de recherche ne s’est pas chargé (/pagefind/pagefind.js manque ou est bloqué). Reconstruisez le site avec npm run build.',
};

const dictionaries: Record<Locale, SearchStrings> = { en, fr };

/** Search UI strings for the playbook locale. */
export function getSearchStrings(locale: Locale): SearchStrings {
  return dictionaries[locale];
}

export { fillTemplate } from './template.ts';
