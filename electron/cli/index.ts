/** Process entry of `lectern`: real stdio, real exit code. */
import { runCli } from './main';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const out = (stream: NodeJS.WriteStream) => (text: string) => {
  stream.write(text);
};

const code = await runCli(process.argv.slice(2), {
  stdout: out(process.stdout),
  stderr: out(process.stderr),
  readStdin,
  isTTY: Boolean(process.stdout.isTTY),
});
// Let piped output drain before exiting.
process.stdout.write('', () => process.exit(code));
