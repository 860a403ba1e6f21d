import { checkins } from './checkins.js';
import { cli } from './cli.js';
import { config } from './config.js';
import { conversation } from './conversation.js';
import { digests } from './digests.js';
import { documents } from './documents.js';
import { extraction } from './extraction.js';
import { followup } from './followup.js';
import { llm } from './llm.js';
import { learning } from './learning.js';
import { notes } from './notes.js';
import { playground } from './playground.js';
import { privacy } from './privacy.js';
import { progress } from './progress.js';
import { progressChat } from './progress-chat.js';
import { production } from './production.js';
import { records } from './records.js';
import { roster } from './roster.js';
import { server } from './server.js';
import { slack } from './slack.js';
import { teams } from './teams.js';
import type { CatalogPart } from './types.js';

/** Topics are separate files so that features add texts without touching each other. */
const parts: readonly CatalogPart[] = [checkins, cli, config, conversation, digests, documents, extraction, followup, learning, llm, notes, playground, privacy, production, progress, progressChat, records, roster, server, slack, teams];

export const catalog = {
  fr: Object.assign({}, ...parts.map((p) => p.fr)) as Record<string, string>,
  en: Object.assign({}, ...parts.map((p) => p.en)) as Record<string, string>,
};
export const catalogParts = parts;
