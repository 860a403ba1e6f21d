import { read, readBoolean, readInteger, type ConfigProblem, type Env, type VariableSpec } from '../variable.js';

/** The scheduler of daily and weekly digests and end-of-shift reminders (issue #10). */
export interface SchedulerConfig {
  readonly enabled: boolean;
  /** A run missed by less than this (stop, restart, crash) is still done once; later, it is skipped with a log line. */
  readonly catchUpMinutes: number;
  /** Direction's weekly digest, on the last working day of the week, in each team's timezone. */
  readonly weeklyDigestTime: string;
}

export const schedulerVariables: readonly VariableSpec[] = [
  { name: 'SCHEDULER_ENABLED', default: 'true', help: 'config.var.SCHEDULER_ENABLED' },
  { name: 'DIGEST_CATCH_UP_MINUTES', default: '30', help: 'config.var.DIGEST_CATCH_UP_MINUTES' },
  { name: 'WEEKLY_DIGEST_TIME', default: '17:45', help: 'config.var.WEEKLY_DIGEST_TIME' },
];

export function parseSchedulerConfig(env: Env, problems: ConfigProblem[]): SchedulerConfig {
  const weeklyDigestTime = read(env, 'WEEKLY_DIGEST_TIME') ?? '17:45';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(weeklyDigestTime)) problems.push({ variable: 'WEEKLY_DIGEST_TIME', code: 'config.problem.time' });
  return {
    enabled: readBoolean(env, 'SCHEDULER_ENABLED', true, problems),
    catchUpMinutes: readInteger(env, 'DIGEST_CATCH_UP_MINUTES', 30, problems, { min: 0, max: 24 * 60 }),
    weeklyDigestTime,
  };
}
