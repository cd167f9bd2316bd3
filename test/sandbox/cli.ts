/**
 * `npm run sandbox [-- --port 4010] [--no-rate-limit] [--rate-limit 120] [--json]`
 *
 * Starts the sandbox store on 127.0.0.1 and stays up until Ctrl+C (SIGINT/SIGTERM). Prints the
 * base URL and the demo credentials; with `--json`, prints exactly one JSON line instead
 * (`{"baseUrl", "origin", "port", "stores", "users", "edgeCaseIds"}`) so another process can
 * read it from stdout.
 */
import { EDGE_CASE_IDS, SANDBOX_STORES, SANDBOX_USERS } from './constants';
import { startSandbox, type SandboxOptions } from './server';

interface CliArgs {
  readonly port: number;
  readonly rateLimit: NonNullable<SandboxOptions['rateLimit']>;
  readonly json: boolean;
}

function parseArgs(argv: readonly string[]): CliArgs {
  let port = 0;
  let rateLimit: NonNullable<SandboxOptions['rateLimit']> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = (): string => inline ?? argv[++i] ?? '';
    if (flag === '--port') {
      port = Number(value());
    } else if (flag === '--no-rate-limit') {
      rateLimit = false;
    } else if (flag === '--rate-limit') {
      rateLimit = { perWindow: Number(value()) };
    } else if (flag === '--json') {
      json = true;
    } else if (flag === '--help' || flag === '-h') {
      console.log('usage: sandbox [--port N] [--no-rate-limit | --rate-limit N] [--json]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--port must be an integer from 0 to 65535');
    process.exit(2);
  }
  return { port, rateLimit, json };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox({ port: args.port, rateLimit: args.rateLimit });
  if (args.json) {
    const info = { baseUrl: sandbox.baseUrl, origin: sandbox.origin, port: sandbox.port, stores: SANDBOX_STORES, users: SANDBOX_USERS, edgeCaseIds: EDGE_CASE_IDS };
    console.log(JSON.stringify(info));
  } else {
    const { owner, single } = SANDBOX_USERS;
    console.log(`Yampi sandbox store listening
  base URL (yampi.apiBaseUrl): ${sandbox.baseUrl}
  control endpoints:           ${sandbox.origin}/__sandbox/  (info, requests, faults, rate-limit, reset)
  rate limit:                  ${args.rateLimit === false ? 'off' : `${args.rateLimit.perWindow ?? 60}/min per store, 10/min on /auth/me`}

stores: ${SANDBOX_STORES.aurora.alias} (active), ${SANDBOX_STORES.serra.alias} (active), ${SANDBOX_STORES.inactive.alias} (inactive: 403)

demo credentials (owner: all three stores)
  YAMPI_ALIAS=${SANDBOX_STORES.aurora.alias}
  YAMPI_USER_TOKEN=${owner.userToken}
  YAMPI_USER_SECRET_KEY=${owner.userSecretKey}
second user (only ${single.stores.join(', ')}): token ${single.userToken}  secret ${single.userSecretKey}

try: customer ${EDGE_CASE_IDS.knownGood} (ordinary), ${EDGE_CASE_IDS.company} (company), ${EDGE_CASE_IDS.markupName} (markup), ${EDGE_CASE_IDS.scriptNotes} (script)
Ctrl+C to stop.`);
  }
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
