import { read, type Env, type VariableSpec } from '../variable.js';

/** Learning sessions: an optional folder of the structure's own séance templates (JSON), beside the curated library. */
export interface LearningConfig {
  readonly sessionTemplatesDir: string | undefined;
}

export const learningVariables: readonly VariableSpec[] = [
  { name: 'SESSION_TEMPLATES_DIR', help: 'config.var.SESSION_TEMPLATES_DIR' },
];

export function parseLearningConfig(env: Env): LearningConfig {
  return { sessionTemplatesDir: read(env, 'SESSION_TEMPLATES_DIR') };
}
