import { EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { withRelais } from '../with-relais.js';

/** `relais llm usage`: tokens per month and purpose, and this month against the budget (admins). */
export async function runLlmUsage(io: CliIo, options: { months?: string }): Promise<number> {
  const { t } = io;
  const limit = Math.min(Math.max(Number(options.months ?? '12') || 12, 1), 120) * 4;
  const { months, used, split, budget, prices } = await withRelais(io, async (relais) => ({
    months: await relais.stores.llmUsage.months(limit),
    used: await relais.stores.llmUsage.used(relais.clock.now()),
    split: await relais.stores.llmUsage.usedSplit(relais.clock.now()),
    budget: relais.config.llm?.monthlyTokenBudget ?? null,
    prices: relais.config.llm?.pricePerMillion ?? null,
  }));
  line(io.stdout, t('llm.usage.title'));
  if (months.length === 0) line(io.stdout, t('llm.usage.empty'));
  else {
    line(io.stdout, t('llm.usage.header'));
    for (const m of months) {
      line(io.stdout, t('llm.usage.row', {
        month: m.month, purpose: m.purpose.padEnd(10), calls: String(m.calls).padStart(6),
        prompt: String(m.promptTokens).padStart(9), completion: String(m.completionTokens).padStart(9),
      }));
    }
  }
  line(io.stdout, budget === null ? t('llm.usage.no_budget', { used }) : t('llm.usage.budget', { budget, used }));
  if (prices !== null) {
    const cost = (split.input * prices.input + split.output * prices.output) / 1_000_000;
    line(io.stdout, t('llm.usage.cost', { cost: cost.toFixed(2), input: prices.input, output: prices.output }));
  }
  if (budget !== null && used >= budget) line(io.stdout, t('llm.budget_exhausted', { budget }));
  return EXIT.ok;
}
