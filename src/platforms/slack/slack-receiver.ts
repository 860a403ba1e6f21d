import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPResponseAck, type App, type Receiver } from '@slack/bolt';
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

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered;
    try {
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({
        signingSecret: this.options.signingSecret, nowMilliseconds: () => this.options.clock.now().getTime(),
        logger: this.boltLogger, bodyLimit: 1_000_000,
      }, req);
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413);
      this.options.logger.warn({ reason: tooLarge ? 'too_large' : 'signature' }, 'slack.request_refused');
      HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 401);
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered) as Record<string, unknown>;
    } catch {
      HTTPModuleFunctions.buildNoBodyResponse(res, 400);
      return;
    }
    if (body['ssl_check'] === '1') return HTTPModuleFunctions.buildSSLCheckResponse(res);
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
