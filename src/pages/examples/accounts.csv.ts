// /examples/accounts.csv: the file behind "Try with an example file" on /score/, made from this
// playbook's own known accounts, so it always has the columns of attributes.yaml.
import type { APIRoute } from 'astro';
import { getPlaybook } from '../../content-fs.ts';
import { exampleAccountsCsv } from '../../lib/csv/example-accounts.ts';

export const GET: APIRoute = () =>
  new Response(exampleAccountsCsv(getPlaybook()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
