import { coreVariables, parseCoreConfig, type CoreConfig } from './sections/core.js';
import { learningVariables, parseLearningConfig, type LearningConfig } from './sections/learning.js';
import { llmVariables, parseLlmConfig, type LlmConfig } from './sections/llm.js';
import { parseSchedulerConfig, schedulerVariables, type SchedulerConfig } from './sections/scheduler.js';
import { parsePrivacyConfig, privacyVariables, type PrivacyConfig } from './sections/privacy.js';
import { parseSlackConfig, slackVariables, type SlackConfig } from './sections/slack.js';
import { parseTeamsConfig, teamsVariables, type TeamsConfig } from './sections/teams.js';
import type { ConfigProblem, Env, VariableSpec } from './variable.js';

/** The one validated configuration object; built once, injected everywhere. */
export interface Config extends CoreConfig {
  readonly slack: SlackConfig | null;
  readonly teams: TeamsConfig | null;
  readonly llm: LlmConfig | null;
  readonly learning: LearningConfig;
  readonly scheduler: SchedulerConfig;
  readonly privacy: PrivacyConfig;
}

export const allVariables: readonly VariableSpec[] = [
  ...coreVariables, ...slackVariables, ...teamsVariables, ...llmVariables, ...learningVariables, ...schedulerVariables, ...privacyVariables,
];

export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[]; readonly partial: Config };

/** Lists every problem at once; never throws on bad input. The only reader of the environment. */
export function loadConfig(env: Env): ConfigResult {
  const problems: ConfigProblem[] = [];
  const core = parseCoreConfig(env, problems);
  const config: Config = {
    ...core,
    slack: parseSlackConfig(env, problems),
    teams: parseTeamsConfig(env, core.mode, problems),
    llm: parseLlmConfig(env, problems),
    learning: parseLearningConfig(env),
    scheduler: parseSchedulerConfig(env, problems),
    privacy: parsePrivacyConfig(env, problems, core),
  };
  return problems.length === 0 ? { ok: true, config } : { ok: false, problems, partial: config };
}

/** Effective value of each variable for display, secrets masked. */
export function describeVariables(env: Env): Array<{ name: string; value: string; source: 'env' | 'default' | 'unset' }> {
  return allVariables.map((v) => {
    const raw = env[v.name]?.trim();
    if (raw) return { name: v.name, value: v.secret ? mask(raw) : raw, source: 'env' as const };
    if (v.default !== undefined) return { name: v.name, value: v.default, source: 'default' as const };
    return { name: v.name, value: '', source: 'unset' as const };
  });
}

export function mask(secret: string): string {
  if (/^postgres(ql)?:/.test(secret)) return secret.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1:••••@');
  return secret.length <= 8 ? '••••' : `${secret.slice(0, 4)}…••••`;
}

/** The process environment; read here and nowhere else. */
export const processEnv = (): Env => process.env;
