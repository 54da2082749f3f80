// `npm run calibrate [-- --suggest] [--format csv] [--icp id] [--out file]`: what the known
// accounts say about each filter, signal and tier of every ICP (see docs/scoring.md).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import { backtest } from '../src/lib/calibration/backtest.ts';
import { refineIcps } from '../src/lib/calibration/evidence-model.ts';
import { calibrationCsv, calibrationMarkdown, type IcpReport } from '../src/lib/calibration/report.ts';
import { closest } from '../src/lib/i18n/did-you-mean.ts';
import { calibrationMessages } from '../src/lib/i18n/calibration.ts';
import { getUiStrings } from '../src/lib/i18n/ui.ts';
import { runAsProcess, type CliIo, UsageError, usageFailure } from './lib/cli-io.ts';
import { icpHistory } from './lib/icp-history.ts';

/** Runs the command; returns the exit code (0 done, 1 bad arguments or content). */
export function main(argv: readonly string[], io: CliIo): Promise<number> {
  const content = contentDir(io.env);
  // Where relative paths start: npm sets INIT_CWD to where the user typed the command.
  const cwd = io.env['INIT_CWD'] ?? process.cwd();
  try {
    // In the try: a wrong ICP_TODAY is said in one line too.
    const loaded = loadPlaybookFromDisk(content, PROJECT_ROOT, io.env);
    const locale = loaded.model?.settings.locale ?? 'en';
    const t = calibrationMessages[locale].cli;
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        options: {
          icp: { type: 'string' },
          suggest: { type: 'boolean', default: false },
          format: { type: 'string', default: 'markdown' },
          out: { type: 'string', short: 'o' },
          'no-backtest': { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
      });
    } catch (error) {
      const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? String(argv[0]);
      throw new UsageError(`${t.unknownOption(flag)}\n${t.usage}`);
    }
    const { values } = parsed;
    if (values.help) {
      io.stdout.write(`${t.usage}\n\n${t.help}\n`);
      return Promise.resolve(0);
    }
    if (values.format !== 'markdown' && values.format !== 'csv') throw new UsageError(t.badFormat(values.format));
    const { model } = loaded;
    if (!model) throw new UsageError(t.invalidContent(loaded.problems.length));
    const ids = model.icps.map((icp) => icp.id);
    if (values.icp !== undefined && !ids.includes(values.icp))
      throw new UsageError(t.unknownIcp(values.icp, ids.join(', '), closest(values.icp, ids)));
    const outLabel = getUiStrings(locale).icp.outRow;
    const refined = [...refineIcps(model, locale, outLabel).values()].filter(
      ({ icp }) => values.icp === undefined || icp.id === values.icp,
    );
    let text: string;
    if (values.format === 'csv') text = calibrationCsv(refined);
    else {
      const reports: IcpReport[] = refined.map((refinement) => {
        const report: IcpReport = { ...refinement, showSuggestion: values.suggest };
        if (values['no-backtest']) return report;
        const history = icpHistory(content, refinement.icp.id);
        if ('reason' in history) report.backtest = { gap: history.reason };
        else {
          const result = backtest(refinement.icp, history.versions, refinement.rows, model.attributes, locale);
          report.backtest =
            result.accounts + result.beforeHistory > 0
              ? { ...result, unreadable: history.unreadable }
              : { gap: 'no-dates' };
        }
        return report;
      });
      text = calibrationMarkdown(reports, locale, model.settings.currency);
    }
    if (values.out === undefined) io.stdout.write(text);
    else {
      const path = resolve(cwd, values.out);
      try {
        writeFileSync(path, text);
      } catch (error) {
        throw new UsageError(t.cannotWrite(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
      }
      io.stderr.write(`${t.written(path)}\n`);
    }
    return Promise.resolve(0);
  } catch (error) {
    return Promise.resolve(usageFailure(io, error));
  }
}

if (import.meta.main) await runAsProcess(main);
