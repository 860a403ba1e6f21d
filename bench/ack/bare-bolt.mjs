// The baseline of the acknowledgement bench: a bare Bolt app in HTTP mode that
// checks the signature and acknowledges every event, doing nothing else.
// `node bench/ack/bare-bolt.mjs <port>`; the signing secret comes from SLACK_SIGNING_SECRET.
import bolt from '@slack/bolt';

const port = Number(process.argv[2]);
const app = new bolt.App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'U0BOT' }),
  logLevel: bolt.LogLevel.ERROR,
});
app.event('message', async () => undefined);
await app.start(port);
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.stop().finally(() => process.exit(0)));
