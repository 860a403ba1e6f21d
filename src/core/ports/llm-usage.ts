/** One call to an LLM provider, as counted for admins and for the monthly budget. */
export interface LlmUsageEntry {
  /** extraction | narrative | transcription */
  readonly purpose: string;
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** ok | invalid (answer unusable) | failed (no answer) */
  readonly outcome: 'ok' | 'invalid' | 'failed';
  readonly at: Date;
}

export interface LlmUsageMonth {
  /** YYYY-MM (UTC) */
  readonly month: string;
  readonly purpose: string;
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** Counts tokens per call and says whether this month's budget still allows a call. */
export interface LlmUsageMeter {
  /** Tokens left this month; null when there is no budget. */
  remaining(at: Date): Promise<number | null>;
  record(entry: LlmUsageEntry): Promise<void>;
}

export interface LlmUsageReport {
  months(limit: number): Promise<readonly LlmUsageMonth[]>;
}

/** No accounting (the CLI's `extract`, which never opens a database). */
export const unmeteredUsage: LlmUsageMeter = {
  remaining: async () => null,
  record: async () => undefined,
};
