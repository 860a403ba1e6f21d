import { loadConfig } from '../../src/config/load-config.js';

const base = { RELAIS_ENV: 'test', LLM_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'm' };

describe('LLM settings', () => {
  it('reads the budget, the per-person limit and the prices', () => {
    const loaded = loadConfig({ ...base, LLM_MONTHLY_TOKEN_BUDGET: '5000000', LLM_USER_CALLS_PER_HOUR: '20', LLM_PRICE_PER_MILLION_TOKENS: '0,15;0,60' });
    expect(loaded.ok && loaded.config.llm).toMatchObject({ monthlyTokenBudget: 5_000_000, userCallsPerHour: 20, pricePerMillion: { input: 0.15, output: 0.6 } });
    const defaults = loadConfig(base);
    expect(defaults.ok && defaults.config.llm).toMatchObject({ monthlyTokenBudget: null, userCallsPerHour: 60, pricePerMillion: null });
  });

  it('lists every bad value at once', () => {
    const loaded = loadConfig({ ...base, LLM_MONTHLY_TOKEN_BUDGET: 'beaucoup', LLM_USER_CALLS_PER_HOUR: '0', LLM_PRICE_PER_MILLION_TOKENS: 'cher' });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.problems.map((p) => p.variable).sort()).toEqual(['LLM_MONTHLY_TOKEN_BUDGET', 'LLM_PRICE_PER_MILLION_TOKENS', 'LLM_USER_CALLS_PER_HOUR']);
    }
  });
});
