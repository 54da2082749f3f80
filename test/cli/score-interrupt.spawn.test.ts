// An interrupted `npm run score --out` (Ctrl-C, kill) removes its partial file and keeps the previous result.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'icp-score-int-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(['SIGINT', 'SIGTERM'] as const)('score --out stopped by %s', (signal) => {
  it('removes the partial file, keeps the earlier output and exits non-zero', { timeout: 60_000 }, async () => {
    const out = join(work, `scored-${signal}.csv`);
    writeFileSync(out, 'the previous result\n');
    const child = spawn(process.execPath, ['scripts/score.ts', '-', '--out', out], {
      cwd: process.cwd(),
      env: { ...process.env, ICP_CONTENT_DIR: 'test/fixtures/csv/content' },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    // The child is killed while input is still being written to it: that broken pipe is expected.
    child.stdin.on('error', () => {});
    // Standard input stays open: the run is mid-way, its partial file written, when the signal comes.
    child.stdin.write(`company,employees,region\n${'Acme,240,fr\n'.repeat(50_000)}`);
    const partial = () => readdirSync(work).filter((name) => name.endsWith('.partial'));
    while (partial().length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill(signal);
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(stderr).toContain(`Interrupted (${signal}): nothing written; ${out} is unchanged.`);
    expect(partial()).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('the previous result\n');
  });
});
