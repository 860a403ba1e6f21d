/** Describes one environment variable: the single source for parsing, `config check` and the README table. */
export interface VariableSpec {
  readonly name: string;
  /** Default shown to users; undefined when the variable is optional without default. */
  readonly default?: string;
  readonly secret?: boolean;
  /** Catalog key of the one-line meaning (French and English). */
  readonly help: string;
}

/** A configuration problem: which variable, what is wrong (catalog key) and its parameters. */
export interface ConfigProblem {
  readonly variable: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Reads a variable, treating blank as unset. */
export function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readBoolean(env: Env, name: string, fallback: boolean, problems: ConfigProblem[]): boolean {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'oui', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'non', 'off'].includes(value)) return false;
  problems.push({ variable: name, code: 'config.problem.boolean' });
  return fallback;
}

export function readInteger(
  env: Env, name: string, fallback: number, problems: ConfigProblem[], range: { min: number; max: number },
): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    problems.push({ variable: name, code: 'config.problem.integer', params: { min: range.min, max: range.max } });
    return fallback;
  }
  return n;
}

export function readEnum<T extends string>(
  env: Env, name: string, values: readonly T[], fallback: T, problems: ConfigProblem[],
): T {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  problems.push({ variable: name, code: 'config.problem.enum', params: { values: values.join(', ') } });
  return fallback;
}

export function readUrl(env: Env, name: string, problems: ConfigProblem[], protocols: readonly string[]): string | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (!protocols.includes(url.protocol)) throw new Error('protocol');
    return value;
  } catch {
    problems.push({ variable: name, code: 'config.problem.url', params: { protocols: protocols.join(' ') } });
    return undefined;
  }
}
