import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_ROSTER } from '../../src/demo/demo-roster.js';
import { startSlackStandIn } from '../../test/support/slack-web-api.js';
import { hang, OpenAiStandIn } from '../../test/support/openai-stand-in.js';

/**
 * The outside world of the acknowledgement bench, in its own process so that
 * neither the client nor the service under test pays for it: Slack's Web API
 * (it knows the bench encadrant's e-mail, so Relais links them) and an
 * OpenAI-compatible model that never answers (the service's LLM timeout decides
 * how long each call takes). Prints its addresses as one JSON line, with a
 * status address that answers how many Web API calls Relais has made.
 */
const botToken = process.argv[2] ?? 'xoxb-bench';
const slack = await startSlackStandIn({ botToken });
const eti = DEMO_ROSTER.find((r) => r.id === 'demo-eti-ev')!;
const user = { id: 'U0BENCHETI', realName: `${eti.firstName ?? ''} ${eti.lastName ?? ''}`, email: eti.email ?? '' };
slack.users.set(user.id, user);
const llm = await new OpenAiStandIn(() => hang()).start();
// How many Web API calls Relais has made so far: the bench waits for this to stop moving (drafts all posted).
const status = createServer((_req, res) => res.end(String(slack.calls.length)));
await new Promise<void>((resolve) => status.listen(0, '127.0.0.1', resolve));
const statusUrl = `http://127.0.0.1:${(status.address() as AddressInfo).port}/`;
process.stdout.write(`${JSON.stringify({ slackApiUrl: slack.apiUrl, llmUrl: llm.baseUrl, userId: user.id, statusUrl })}\n`);
process.on('SIGTERM', () => void Promise.all([slack.close(), llm.stop()]).finally(() => process.exit(0)));
