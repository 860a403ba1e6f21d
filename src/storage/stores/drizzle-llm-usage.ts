import { desc, eq, sql } from 'drizzle-orm';
import type { LlmUsageEntry, LlmUsageMeter, LlmUsageMonth, LlmUsageReport } from '../../core/ports/llm-usage.js';
import type { Executor } from '../database.js';
import { llmUsage } from '../schema/index.js';

export const usageMonth = (at: Date): string => at.toISOString().slice(0, 7);

/** Token accounting in `llm_usage`; `budget` null means no monthly limit. */
export class DrizzleLlmUsage implements LlmUsageMeter, LlmUsageReport {
  constructor(private readonly db: Executor, private readonly budget: number | null) {}

  async used(at: Date): Promise<number> {
    const [row] = await this.db.select({
      total: sql<string>`coalesce(sum(${llmUsage.promptTokens} + ${llmUsage.completionTokens}), 0)`,
    }).from(llmUsage).where(eq(llmUsage.month, usageMonth(at)));
    return Number(row?.total ?? 0);
  }

  /** Input and output tokens of the month, apart (for a cost estimate). */
  async usedSplit(at: Date): Promise<{ input: number; output: number }> {
    const [row] = await this.db.select({
      input: sql<string>`coalesce(sum(${llmUsage.promptTokens}), 0)`,
      output: sql<string>`coalesce(sum(${llmUsage.completionTokens}), 0)`,
    }).from(llmUsage).where(eq(llmUsage.month, usageMonth(at)));
    return { input: Number(row?.input ?? 0), output: Number(row?.output ?? 0) };
  }

  async remaining(at: Date): Promise<number | null> {
    if (this.budget === null) return null;
    return this.budget - await this.used(at);
  }

  async record(entry: LlmUsageEntry): Promise<void> {
    await this.db.insert(llmUsage).values({
      at: entry.at, month: usageMonth(entry.at), purpose: entry.purpose, model: entry.model,
      promptTokens: entry.promptTokens, completionTokens: entry.completionTokens, outcome: entry.outcome,
    });
  }

  async months(limit: number): Promise<LlmUsageMonth[]> {
    const rows = await this.db.select({
      month: llmUsage.month,
      purpose: llmUsage.purpose,
      calls: sql<string>`count(*)`,
      promptTokens: sql<string>`sum(${llmUsage.promptTokens})`,
      completionTokens: sql<string>`sum(${llmUsage.completionTokens})`,
    }).from(llmUsage).groupBy(llmUsage.month, llmUsage.purpose).orderBy(desc(llmUsage.month), llmUsage.purpose).limit(limit);
    return rows.map((r) => ({
      month: r.month, purpose: r.purpose, calls: Number(r.calls),
      promptTokens: Number(r.promptTokens), completionTokens: Number(r.completionTokens),
    }));
  }
}
