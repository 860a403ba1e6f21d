import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible server over real HTTP: the `openai` client talks
 * to it exactly as to a provider. Answers are scripted per request (a queue,
 * then a default), faults included; every request is recorded so tests can
 * check what would have left the machine.
 */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** The raw body, as it went over the wire. */
  readonly raw: string;
  /** Parsed JSON body (chat), or null (multipart audio). */
  readonly json: ChatRequest | null;
}

export interface ChatRequest {
  readonly model: string;
  readonly messages: Array<{ role: string; content: string }>;
  readonly response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
  readonly [key: string]: unknown;
}

export type StandInReply =
  | { kind: 'http'; status: number; headers?: Record<string, string>; body: string }
  | { kind: 'hang' };

export type Responder = (request: RecordedRequest) => StandInReply;

export function completion(content: string | null, options: { finishReason?: string; refusal?: string; promptTokens?: number } = {}): StandInReply {
  return {
    kind: 'http',
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'chatcmpl-standin', object: 'chat.completion', created: 1_700_000_000, model: 'stand-in',
      choices: [{
        index: 0, logprobs: null, finish_reason: options.finishReason ?? 'stop',
        message: { role: 'assistant', content, refusal: options.refusal ?? null },
      }],
      usage: { prompt_tokens: options.promptTokens ?? 100, completion_tokens: content === null ? 0 : Math.ceil(content.length / 4), total_tokens: 0 },
    }),
  };
}

export const answer = (value: unknown): StandInReply => completion(JSON.stringify(value));
export const truncated = (value: unknown): StandInReply => completion(JSON.stringify(value).slice(0, 40), { finishReason: 'length' });
export const malformed = (value: unknown): StandInReply => completion(JSON.stringify(value).slice(0, 40));
export const refusal = (): StandInReply => completion(null, { refusal: "Je ne peux pas aider avec cette demande." });
export const contentFiltered = (): StandInReply => completion(null, { finishReason: 'content_filter' });
export const httpError = (status: number, headers: Record<string, string> = {}): StandInReply => ({
  kind: 'http', status, headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ error: { message: `stand-in ${status}`, type: 'server_error', code: null } }),
});
export const hang = (): StandInReply => ({ kind: 'hang' });

export class OpenAiStandIn {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Responder[] = [];
  private server: Server | undefined;

  constructor(private fallback: Responder = () => httpError(500)) {}

  get baseUrl(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  /** Answers for the next requests, in order; then the default answers. */
  script(...replies: Array<StandInReply | Responder>): this {
    for (const r of replies) this.queue.push(typeof r === 'function' ? r : () => r);
    return this;
  }

  setDefault(responder: Responder): this {
    this.fallback = responder;
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  get chatRequests(): ChatRequest[] {
    return this.requests.filter((r) => r.json !== null).map((r) => r.json!);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let json: ChatRequest | null = null;
    if ((req.headers['content-type'] ?? '').includes('application/json')) json = JSON.parse(raw) as ChatRequest;
    const request: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, json };
    this.requests.push(request);
    const reply = (this.queue.shift() ?? this.fallback)(request);
    if (reply.kind === 'hang') return;
    res.writeHead(reply.status, reply.headers ?? {});
    res.end(reply.body);
  }
}
