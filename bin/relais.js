#!/usr/bin/env node
// Entry point of the `relais` command: runs the compiled CLI (built by `npm ci` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write("Relais n'est pas encore construit : lancez « npm run build » (ou « npm ci »).\n");
  process.exit(1);
}
const { runCli } = await import(pathToFileURL(main).href);
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, isTty: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
