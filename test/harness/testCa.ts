/**
 * A throw-away certificate authority for tests over https: a CA and a server certificate for
 * 127.0.0.1 / localhost, made with the `openssl` CLI in a temp folder (EC P-256: ~50 ms).
 *
 * Why the CLI: Node can make keys but not X.509 certificates; the npm alternatives (`selfsigned`,
 * `node-forge`, `@peculiar/x509`) are pure-JS ASN.1/X.509 stacks of 0.5–2 MB for what three
 * commands do. openssl is on Debian (ca-certificates depends on it), on every CI image we use and
 * on macOS; when it is missing the tests say so and how to install it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A name for this machine that is not loopback by name (clients never proxy loopback): the test
 * forward proxy connects `.test` names to 127.0.0.1, and the server certificate names it.
 */
export const TEST_HOST = 'sandbox.yampi.test';

export interface TestCa {
  readonly dir: string;
  /** PEM of the CA certificate: what a client must trust. */
  readonly caCert: string;
  /** Path of that PEM (for NODE_EXTRA_CA_CERTS). */
  readonly caFile: string;
  /** Server key and certificate (SAN IP:127.0.0.1, DNS:localhost, DNS:TEST_HOST), signed by the CA. */
  readonly key: string;
  readonly cert: string;
  /** A self-signed server key and certificate for 127.0.0.1 (signed by no CA). */
  readonly selfSignedKey: string;
  readonly selfSignedCert: string;
  remove(): void;
}

function openssl(dir: string, args: readonly string[]): void {
  try {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const missing = typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT';
    throw new Error(missing ? 'The https tests need the openssl CLI (Debian: apt-get install openssl).' : `openssl ${args[0] ?? ''} failed: ${String(e)}`, { cause: e });
  }
}

export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'yampi-test-ca-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Yampi Customers Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(dir, ['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'server.ext'), `subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:${TEST_HOST}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2',
    '-extfile', 'server.ext']);
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-addext', 'extendedKeyUsage=serverAuth']);
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  return {
    dir, caCert: read('ca.pem'), caFile: join(dir, 'ca.pem'), key: read('server.key'), cert: read('server.pem'),
    selfSignedKey: read('self.key'), selfSignedCert: read('self.pem'),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
