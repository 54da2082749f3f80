// /examples/accounts.csv: the file behind "Try with an example file" on /score/, made from this
// playbook's own known accounts, so it always has the columns of attributes.yaml.
import type { APIRoute } from 'astro';
import { exampleAccountsCsv } from '../../lib/csv/example-accounts.ts';

export const GET: APIRoute = ({ locals }) =>
  new Response(exampleAccountsCsv(locals.playbook), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
