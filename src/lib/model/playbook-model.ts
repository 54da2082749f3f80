import type { Attribute } from '../../schemas/attribute.ts';
import type { Icp } from '../../schemas/icp.ts';
import type { Market } from '../../schemas/market.ts';
import type { Page } from '../../schemas/page.ts';
import type { Persona } from '../../schemas/persona.ts';
import type { Playbook } from '../../schemas/playbook.ts';

/** A validated content file with its id (file name without extension) and Markdown body. */
export interface Entry<T> {
  id: string;
  /** Path relative to the repository. */
  file: string;
  data: T;
  body: string;
}

/** An ICP whose market currency is resolved (market currency, else the playbook's). */
export type IcpData = Omit<Icp, 'market'> & { market?: Market & { currency: string } };

export type IcpEntry = Entry<IcpData>;
export type PersonaEntry = Entry<Persona>;
export type PageEntry = Entry<Page> & { format: 'md' | 'mdx' };

/** A CSV of known accounts, kept raw here; calibration reads it with the scoring engine. */
export interface AccountsFile {
  file: string;
  text: string;
}

/** The whole validated playbook: what every page, the widget, the CLI and the tests read. */
export interface PlaybookModel {
  settings: Playbook;
  attributes: Attribute[];
  icps: IcpEntry[];
  personas: PersonaEntry[];
  pages: PageEntry[];
  accounts: AccountsFile[];
}
