import OpenAI from 'openai';

export interface OpenAiClientOptions {
  readonly baseUrl: string | undefined;
  readonly apiKey: string | undefined;
  readonly timeoutMs: number;
}

/**
 * The `openai` client for any OpenAI-compatible endpoint. Retries are ours
 * (structured-call.ts: Retry-After, circuit breaker), so the client's are off.
 * Azure OpenAI's v1 endpoint takes the key in an `api-key` header.
 */
export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  const azure = options.baseUrl !== undefined && /\.(openai\.azure\.com|cognitiveservices\.azure\.com)$/.test(new URL(options.baseUrl).hostname);
  return new OpenAI({
    ...(options.baseUrl !== undefined ? { baseURL: options.baseUrl } : {}),
    apiKey: options.apiKey ?? 'not-needed',
    timeout: options.timeoutMs,
    maxRetries: 0,
    ...(azure && options.apiKey !== undefined ? { defaultHeaders: { 'api-key': options.apiKey } } : {}),
  });
}
