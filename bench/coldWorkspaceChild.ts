// Child of coldWorkspace.ts: runs `vpce-lens check <root> --recursive --format json` in-process
// (output discarded) and prints the wall time and peak RSS.
import { main } from '../server/src/cli';

(async () => {
  const root = process.argv[2]!;
  const t = performance.now();
  const code = await main(['check', root, '--recursive', '--format', 'json'], () => undefined, (s) => process.stderr.write(`${s}\n`));
  const ms = performance.now() - t;
  if (code === 2) process.exit(2);
  process.stdout.write(`${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS })}\n`);
})();
