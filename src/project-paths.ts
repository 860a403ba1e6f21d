import { fileURLToPath } from 'node:url';

/**
 * The project root, whether this code runs from src/ (tests) or dist/ (built):
 * both sit one level below it. Data files (migrations, lexicon, prompts) live there.
 */
export const projectRoot: string = fileURLToPath(new URL('..', import.meta.url));
export const projectPath = (...parts: string[]): string => [projectRoot.replace(/\/$/, ''), ...parts].join('/');
