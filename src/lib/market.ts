import { vm } from './i18n/validator.ts';

/** One market figure as written by an author: top-down `value`, bottom-up `accounts × acv`, or a `share` of the level above. */
export interface MarketFigureInput {
  value?: number | undefined;
  accounts?: number | undefined;
  acv?: number | undefined;
  share?: number | undefined;
  source?: string | undefined;
}

export type MarketMethod = 'top-down' | 'bottom-up' | 'share';

/** A resolved figure: always a value in money, plus how it was obtained. */
export interface MarketFigure {
  value: number;
  method: MarketMethod;
  accounts?: number | undefined;
  acv?: number | undefined;
  share?: number | undefined;
  source?: string | undefined;
}

export type MarketLevel = 'tam' | 'sam' | 'som';
export interface MarketProblem {
  path: (string | number)[];
  message: string;
}

type Resolved = Partial<Record<MarketLevel, MarketFigure>>;

const PARENT: Record<MarketLevel, MarketLevel | undefined> = { tam: undefined, sam: 'tam', som: 'sam' };

function resolveFigure(
  level: MarketLevel,
  input: MarketFigureInput,
  resolved: Resolved,
  problems: MarketProblem[],
): MarketFigure | undefined {
  const forms = (['value', 'accounts', 'share'] as const).filter((k) => input[k] !== undefined);
  if (forms.length !== 1) {
    problems.push({
      path: [level],
      message: forms.length === 0 ? vm().rules.noFigure(level === 'tam') : vm().rules.mixedFigures(forms),
    });
    return undefined;
  }
  const parent = PARENT[level];
  const above = parent ? resolved[parent] : undefined;
  const { source } = input;
  if (input.value !== undefined) {
    if (input.acv !== undefined) problems.push({ path: [level, 'acv'], message: vm().rules.acvWithValue });
    return { value: input.value, method: 'top-down', source };
  }
  if (input.accounts !== undefined) {
    // An ACV given once on TAM applies to SAM and SOM, as teams write it in practice.
    const acv = input.acv ?? above?.acv ?? resolved.tam?.acv;
    if (acv === undefined) {
      problems.push({ path: [level, 'accounts'], message: vm().rules.needsAcv });
      return undefined;
    }
    return { value: input.accounts * acv, method: 'bottom-up', accounts: input.accounts, acv, source };
  }
  const share = input.share!;
  if (parent === undefined) {
    problems.push({ path: [level, 'share'], message: vm().rules.shareOnTam });
    return undefined;
  }
  if (!above) return undefined;
  return {
    value: above.value * share,
    method: 'share',
    share,
    accounts: above.accounts === undefined ? undefined : Math.round(above.accounts * share),
    acv: above.acv,
    source,
  };
}

/**
 * Resolves TAM, SAM and SOM to money and checks SOM ≤ SAM ≤ TAM.
 * @example resolveMarket({ tam: { accounts: 100, acv: 10 }, sam: { accounts: 20 }, som: { share: 0.1 } })
 *   // → figures 1000, 200, 20
 */
export function resolveMarket(input: Record<MarketLevel, MarketFigureInput>): {
  figures?: Record<MarketLevel, MarketFigure>;
  problems: MarketProblem[];
} {
  const problems: MarketProblem[] = [];
  const resolved: Resolved = {};
  for (const level of ['tam', 'sam', 'som'] as const) {
    const figure = resolveFigure(level, input[level], resolved, problems);
    if (figure) resolved[level] = figure;
  }
  const { tam, sam, som } = resolved;
  if (tam && sam && sam.value > tam.value) {
    problems.push({ path: ['sam'], message: vm().rules.samOverTam(sam.value, tam.value) });
  }
  if (sam && som && som.value > sam.value) {
    problems.push({ path: ['som'], message: vm().rules.somOverSam(som.value, sam.value) });
  }
  if (problems.length > 0 || !tam || !sam || !som) return { problems };
  return { figures: { tam, sam, som }, problems };
}

/** Share of one figure in another, e.g. SAM / TAM, or undefined when the base is 0. */
export function ratio(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}
