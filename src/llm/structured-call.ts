import type OpenAI from 'openai';
import {
  APIConnectionTimeoutError, APIError, ContentFilterFinishReasonError, LengthFinishReasonError,
} from 'openai/core/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { LlmUsageMeter } from '../core/ports/llm-usage.js';
import { err, ok, type Result } from '../core/result.js';
import type { CircuitBreaker } from './circuit-breaker.js';

export type CallFailure =
  | 'circuit_open' | 'budget_exhausted' | 'timeout' | 'unavailable' | 'rate_limited' | 'invalid_output' | 'content_filter';

export interface RetryPolicy {
  /** Retries after a 429 or a 5xx (the client itself is built with maxRetries: 0). */
  readonly retries: number;
  /** Longest Retry-After honoured; a longer one falls back at once. */
  readonly maxWaitMs: number;
  /** First backoff after a 5xx without Retry-After, doubled each time. */
  readonly backoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, maxWaitMs: 10_000, backoffMs: 500 };

export interface StructuredCallDeps {
  readonly client: OpenAI;
  readonly breaker: CircuitBreaker;
  readonly usage: LlmUsageMeter;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface StructuredCallInput<S extends z.ZodType> {
  readonly purpose: string;
  readonly model: string;
  readonly messages: readonly ChatCompletionMessageParam[];
  readonly schema: S;
  readonly schemaName: string;
  readonly maxTokens?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date in Retry-After (or retry-after-ms), in ms; null when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined, now: Date): number | null {
  const ms = headers?.get('retry-after-ms');
  if (ms != null && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const value = headers?.get('retry-after');
  if (value == null) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

type Attempt<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'invalid'; reason: string }
  | { kind: 'failed'; failure: CallFailure };

const describe = (e: unknown): string => {
  if (e instanceof LengthFinishReasonError) return "réponse tronquée (limite de longueur atteinte) : répondez plus brièvement";
  if (e instanceof SyntaxError) return `JSON invalide : ${e.message}`;
  if (e !== null && typeof e === 'object' && 'issues' in e && Array.isArray((e as { issues: unknown }).issues)) {
    return `schéma non respecté : ${JSON.stringify((e as { issues: unknown[] }).issues).slice(0, 1500)}`;
  }
  return 'réponse inutilisable';
};

/**
 * One structured call with everything around it: circuit breaker, monthly
 * budget, our own retries (429 with Retry-After, 5xx), one repair attempt
 * carrying the validation error when the answer is truncated, refused,
 * not JSON or off-schema, and token accounting for every answer.
 */
export async function callStructured<S extends z.ZodType>(
  deps: StructuredCallDeps, input: StructuredCallInput<S>,
): Promise<Result<z.infer<S>, CallFailure>> {
  const remaining = await deps.usage.remaining(deps.clock.now());
  if (remaining !== null && remaining <= 0) return err('budget_exhausted');
  if (!deps.breaker.allow()) return err('circuit_open');
  const messages = [...input.messages];
  const first = await attemptWithRetries(deps, input, messages);
  if (first.kind === 'ok') return ok(first.value);
  if (first.kind === 'failed') return err(first.failure);
  deps.logger.warn({ purpose: input.purpose }, 'llm answer unusable, one repair attempt');
  messages.push({
    role: 'user',
    content: `Votre réponse précédente a été rejetée (${first.reason}). Répondez de nouveau, uniquement avec un objet JSON conforme au schéma demandé.`,
  });
  if (!deps.breaker.allow()) return err('circuit_open');
  const second = await attemptWithRetries(deps, input, messages);
  if (second.kind === 'ok') return ok(second.value);
  return err(second.kind === 'failed' ? second.failure : 'invalid_output');
}

async function attemptWithRetries<S extends z.ZodType>(
  deps: StructuredCallDeps, input: StructuredCallInput<S>, messages: ChatCompletionMessageParam[],
): Promise<Attempt<z.infer<S>>> {
  const policy = deps.retry ?? DEFAULT_RETRY;
  const sleep = deps.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(deps, input, messages);
    if (outcome.kind !== 'retry') return outcome;
    const wait = outcome.waitMs ?? policy.backoffMs * 2 ** attempt;
    if (attempt >= policy.retries || wait > policy.maxWaitMs) {
      deps.breaker.failure();
      return { kind: 'failed', failure: outcome.failure };
    }
    await sleep(wait);
  }
}

async function attemptOnce<S extends z.ZodType>(
  deps: StructuredCallDeps, input: StructuredCallInput<S>, messages: ChatCompletionMessageParam[],
): Promise<Attempt<z.infer<S>> | { kind: 'retry'; failure: CallFailure; waitMs: number | null }> {
  const record = (outcome: 'ok' | 'invalid' | 'failed', usage?: { prompt_tokens: number; completion_tokens: number }) =>
    deps.usage.record({
      purpose: input.purpose, model: input.model, outcome, at: deps.clock.now(),
      promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0,
    });
  let completion;
  try {
    completion = await deps.client.chat.completions.parse({
      model: input.model,
      messages,
      temperature: 0,
      ...(input.maxTokens !== undefined ? { max_completion_tokens: input.maxTokens } : {}),
      response_format: zodResponseFormat(input.schema, input.schemaName),
    });
  } catch (e) {
    if (e instanceof APIConnectionTimeoutError) {
      deps.breaker.failure();
      await record('failed');
      return { kind: 'failed', failure: 'timeout' };
    }
    if (e instanceof APIError) {
      const status = e.status;
      if (status === 429) return { kind: 'retry', failure: 'rate_limited', waitMs: retryAfterMs(e.headers, deps.clock.now()) ?? null };
      if (status === undefined || status >= 500) return { kind: 'retry', failure: 'unavailable', waitMs: retryAfterMs(e.headers, deps.clock.now()) };
      deps.breaker.failure();
      deps.logger.warn({ purpose: input.purpose, status }, 'llm request refused by the provider');
      return { kind: 'failed', failure: 'unavailable' };
    }
    // The provider answered: it is up, but the answer is not usable.
    deps.breaker.success();
    if (e instanceof ContentFilterFinishReasonError) {
      await record('invalid');
      return { kind: 'failed', failure: 'content_filter' };
    }
    await record('invalid');
    return { kind: 'invalid', reason: describe(e) };
  }
  deps.breaker.success();
  const message = completion.choices[0]?.message;
  if (message === undefined || message.refusal || message.parsed === null || message.parsed === undefined) {
    await record('invalid', completion.usage);
    return { kind: 'invalid', reason: message?.refusal ? 'refus du modèle : la tâche est une extraction factuelle autorisée' : 'réponse vide' };
  }
  await record('ok', completion.usage);
  return { kind: 'ok', value: message.parsed as z.infer<S> };
}
