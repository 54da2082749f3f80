// The one-slide ICP as an SVG (1920 × 1080, text as outlines), for every ICP: /slides/<id>.svg
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlaybook } from '../../content-fs.ts';
import { renderIcpSlide } from '../../slides-fs.ts';

export const getStaticPaths = (() =>
  getPlaybook().icps.map((icp) => ({ params: { id: icp.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { svg } = await renderIcpSlide(params['id']!);
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
