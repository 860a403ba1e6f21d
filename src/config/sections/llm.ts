import { read, readBoolean, readEnum, readInteger, readUrl, type ConfigProblem, type Env, type VariableSpec } from '../variable.js';

export const LLM_PROVIDERS = ['none', 'openai-compatible'] as const;

/** An OpenAI-compatible endpoint (OpenAI, Azure, Mistral, Albert, vLLM, Ollama). Null: rules engine only. */
export interface LlmConfig {
  readonly baseUrl: string | undefined;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly extractionModel: string;
  readonly writingModel: string;
  readonly transcriptionModel: string | undefined;
  readonly timeoutMs: number;
  /** Health and justice details are sent to the provider only when the structure opts in. */
  readonly sendSpecialCategories: boolean;
  /** Refuse any endpoint that is not on this machine or the local network. */
  readonly selfHostedOnly: boolean;
  /** Tokens per calendar month (UTC) for the structure; null: no budget. Once spent, the rules engine stands in. */
  readonly monthlyTokenBudget: number | null;
  /** Model calls per user and per hour for note analysis; beyond it, the rules engine answers. */
  readonly userCallsPerHour: number;
  /** Euros per million input and output tokens, to show an estimated cost beside token counts; null when unknown. */
  readonly pricePerMillion: { readonly input: number; readonly output: number } | null;
}

export const llmVariables: readonly VariableSpec[] = [
  { name: 'LLM_PROVIDER', default: 'none', help: 'config.var.LLM_PROVIDER' },
  { name: 'OPENAI_BASE_URL', help: 'config.var.OPENAI_BASE_URL' },
  { name: 'OPENAI_API_KEY', secret: true, help: 'config.var.OPENAI_API_KEY' },
  { name: 'OPENAI_MODEL', help: 'config.var.OPENAI_MODEL' },
  { name: 'OPENAI_EXTRACTION_MODEL', help: 'config.var.OPENAI_EXTRACTION_MODEL' },
  { name: 'OPENAI_WRITING_MODEL', help: 'config.var.OPENAI_WRITING_MODEL' },
  { name: 'OPENAI_TRANSCRIPTION_MODEL', help: 'config.var.OPENAI_TRANSCRIPTION_MODEL' },
  { name: 'LLM_TIMEOUT_MS', default: '30000', help: 'config.var.LLM_TIMEOUT_MS' },
  { name: 'LLM_SEND_SPECIAL_CATEGORIES', default: 'false', help: 'config.var.LLM_SEND_SPECIAL_CATEGORIES' },
  { name: 'LLM_SELF_HOSTED_ONLY', default: 'false', help: 'config.var.LLM_SELF_HOSTED_ONLY' },
  { name: 'LLM_MONTHLY_TOKEN_BUDGET', help: 'config.var.LLM_MONTHLY_TOKEN_BUDGET' },
  { name: 'LLM_USER_CALLS_PER_HOUR', default: '60', help: 'config.var.LLM_USER_CALLS_PER_HOUR' },
  { name: 'LLM_PRICE_PER_MILLION_TOKENS', help: 'config.var.LLM_PRICE_PER_MILLION_TOKENS' },
];

export function parseLlmConfig(env: Env, problems: ConfigProblem[]): LlmConfig | null {
  const provider = readEnum(env, 'LLM_PROVIDER', LLM_PROVIDERS, 'none', problems);
  if (provider === 'none') return null;
  const baseUrl = readUrl(env, 'OPENAI_BASE_URL', problems, ['https:', 'http:']);
  const apiKey = read(env, 'OPENAI_API_KEY');
  const model = read(env, 'OPENAI_MODEL');
  if (model === undefined) problems.push({ variable: 'OPENAI_MODEL', code: 'config.problem.llm_model' });
  if (baseUrl === undefined && apiKey === undefined) problems.push({ variable: 'OPENAI_API_KEY', code: 'config.problem.llm_key' });
  const selfHostedOnly = readBoolean(env, 'LLM_SELF_HOSTED_ONLY', false, problems);
  if (selfHostedOnly && baseUrl !== undefined && !isPrivateHost(new URL(baseUrl).hostname)) {
    problems.push({ variable: 'OPENAI_BASE_URL', code: 'config.problem.llm_not_self_hosted' });
  }
  if (selfHostedOnly && baseUrl === undefined) problems.push({ variable: 'OPENAI_BASE_URL', code: 'config.problem.llm_not_self_hosted' });
  return {
    baseUrl,
    apiKey,
    model: model ?? '',
    extractionModel: read(env, 'OPENAI_EXTRACTION_MODEL') ?? model ?? '',
    writingModel: read(env, 'OPENAI_WRITING_MODEL') ?? model ?? '',
    transcriptionModel: read(env, 'OPENAI_TRANSCRIPTION_MODEL'),
    timeoutMs: readInteger(env, 'LLM_TIMEOUT_MS', 30000, problems, { min: 1000, max: 600000 }),
    sendSpecialCategories: readBoolean(env, 'LLM_SEND_SPECIAL_CATEGORIES', false, problems),
    selfHostedOnly,
    monthlyTokenBudget: read(env, 'LLM_MONTHLY_TOKEN_BUDGET') === undefined
      ? null : readInteger(env, 'LLM_MONTHLY_TOKEN_BUDGET', 0, problems, { min: 0, max: 1_000_000_000_000 }),
    userCallsPerHour: readInteger(env, 'LLM_USER_CALLS_PER_HOUR', 60, problems, { min: 1, max: 100_000 }),
    pricePerMillion: readPrices(env, problems),
  };
}

/** "0.15/0.60" (or "0,15;0,60"): euros per million input tokens, then output tokens. */
function readPrices(env: Env, problems: ConfigProblem[]): { input: number; output: number } | null {
  const value = read(env, 'LLM_PRICE_PER_MILLION_TOKENS');
  if (value === undefined) return null;
  const parts = /[;/]/.test(value) ? value.split(/[;/]/).map((p) => p.replace(',', '.')) : value.split(',');
  const numbers = parts.map((p) => p.trim()).filter((p) => /^\d+(\.\d+)?$/.test(p)).map(Number);
  if (parts.length !== 2 || numbers.length !== 2) {
    problems.push({ variable: 'LLM_PRICE_PER_MILLION_TOKENS', code: 'config.problem.llm_prices' });
    return null;
  }
  return { input: numbers[0]!, output: numbers[1]! };
}

/** Loopback, RFC 1918 and *.local / *.internal hosts count as self-hosted. */
export function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  if (['localhost', '::1'].includes(h) || h.endsWith('.local') || h.endsWith('.internal') || h.endsWith('.lan')) return true;
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(h);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}
