import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPResponseAck, verifySlackRequest, type App, type Receiver } from '@slack/bolt';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import { slackLogger } from './slack-client.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Bolt's HTTP receiver, mounted on Relais' one server instead of its own:
 * verifies Slack's signature (HMAC of the body, timestamp within 5 minutes
 * on the injected clock), answers url_verification and ssl_check, and hands
 * every other request to Bolt. The HTTP answer is sent once the listener is
 * done (`processBeforeResponse`), so Slack hears "ok" only after the event
 * is stored durably; a failure answers 500 and Slack retries.
 */
export class SharedServerReceiver implements Receiver {
  private app: App | undefined;
  private readonly boltLogger;

  constructor(private readonly options: { readonly signingSecret: string; readonly clock: Clock; readonly logger: Logger }) {
    this.boltLogger = slackLogger(options.logger);
  }

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Why a request is not from Slack (bad or missing signature, timestamp more than 5 minutes off), or null. */
  private refusal(req: IncomingMessage, body: string): string | null {
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    const now = this.options.clock.now().getTime();
    if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return 'unsigned';
    if (timestamp > now / 1000 + 5 * 60) return 'future';
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret, body, nowMilliseconds: now,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      });
      return null;
    } catch (error) {
      return error instanceof Error && /stale/.test(error.message) ? 'stale' : 'signature';
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered;
    try {
      // Bolt's own check reads the wall clock: the body is buffered here and verified on the injected clock.
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ enabled: false, signingSecret: this.options.signingSecret, bodyLimit: 1_000_000 }, req);
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413);
      HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 400);
      return;
    }
    const raw = buffered.rawBody.toString('utf8');
    // Slack's ssl_check is not signed; it gets an empty 200 and nothing else is read from it.
    if (/^ssl_check=1(&|$)/.test(raw) || new URLSearchParams(raw).get('ssl_check') === '1') return HTTPModuleFunctions.buildSSLCheckResponse(res);
    const refused = this.refusal(req, raw);
    if (refused) {
      this.options.logger.warn({ reason: refused }, 'slack.request_refused');
      HTTPModuleFunctions.buildNoBodyResponse(res, 401);
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered) as Record<string, unknown>;
    } catch {
      HTTPModuleFunctions.buildNoBodyResponse(res, 400);
      return;
    }
    if (body['type'] === 'url_verification') return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
    if (!this.app) return HTTPModuleFunctions.buildNoBodyResponse(res, 503);
    const ack = new HTTPResponseAck({
      logger: this.boltLogger, processBeforeResponse: true, httpRequest: buffered, httpRequestBody: body, httpResponse: res,
      unhandledRequestTimeoutMillis: 3_001,
    });
    try {
      await this.app.processEvent({
        body, ack: ack.bind(), retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req), customProperties: {},
      });
      if (res.headersSent) return;
      if (ack.storedResponse !== undefined) HTTPModuleFunctions.buildContentResponse(res, ack.storedResponse);
      else HTTPModuleFunctions.buildNoBodyResponse(res, 404);
      ack.ack();
    } catch (error) {
      this.options.logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'slack.event_failed');
      ack.ack();
      if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    }
  }
}
