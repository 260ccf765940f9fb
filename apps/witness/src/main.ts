import { runWitness } from './witness';

/**
 * `npm run witness -- --log <url> --key <file> --state <file> [--name <witness name>] [--token <bearer>] [--log-key <base64>]`
 */
const USAGE =
  'usage: npm run witness -- --log <url> --key <file> --state <file> [--name <witness name>] [--token <bearer>] [--log-key <base64>]';

function parseArgs(argv: string[]): Map<string, string> | null {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag?.startsWith('--') || value === undefined) return null;
    args.set(flag.slice(2), value);
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const log = args?.get('log');
  const keyFile = args?.get('key');
  const stateFile = args?.get('state');
  if (!args || !log || !keyFile || !stateFile) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const outcome = await runWitness({
    log,
    keyFile,
    stateFile,
    name: args.get('name') ?? process.env.WITNESS_NAME ?? 'witness',
    token: args.get('token') ?? process.env.WITNESS_TOKEN,
    logKey: args.get('log-key'),
    now: () => Math.floor(Date.now() / 1000),
  });
  return outcome.exitCode;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
