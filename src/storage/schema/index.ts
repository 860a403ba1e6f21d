export * from './organisation.js';
export * from './shift-notes.js';
export * from './learning.js';
export * from './path.js';
export * from './jobs.js';
export * from './audit.js';
export { relais } from './common.js';
export * from './playground.js';
export * from './installations.js';
