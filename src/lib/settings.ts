// Settings read from the environment (ICP_TODAY, SITE_URL, thread counts): a value that cannot be
// used stops the command in one line that names the variable, the value and the fix, never a
// stack trace and never a silent fallback to the default.

/** A setting of the environment that cannot be used; the message says how to fix it. */
export class SettingError extends Error {
  override name = 'SettingError';
}

/**
 * The whole number in `env[name]` (digits only, at least `min`), or undefined when the variable is
 * unset or blank. Anything else throws a {@link SettingError} with `message(value)`.
 * @example readCount({ ICP_SLIDES_WORKERS: '2' }, 'ICP_SLIDES_WORKERS', 1, (v) => `…${v}…`) // 2
 */
export function readCount(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  min: number,
  message: (value: string) => string,
): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || !Number.isSafeInteger(value)) throw new SettingError(message(raw));
  return value;
}
