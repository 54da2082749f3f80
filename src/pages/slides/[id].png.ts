// The one-slide ICP as a PNG (1920 × 1080), for every ICP whatever its status: /slides/<id>.png
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlaybook } from '../../content-fs.ts';
import { renderIcpSlide } from '../../slides-fs.ts';

export const getStaticPaths = (() =>
  getPlaybook().icps.map((icp) => ({ params: { id: icp.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { png } = await renderIcpSlide(params['id']!);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
