/**
 * The receiver side of webhooksBench.ts, in its own process (as in the extension host, where the
 * receiver shares one thread with everything else): the core receiver with the workbench's work
 * per delivery — summary, kept headers, signature verdict, the bounded log. Prints its port on
 * stdout; on SIGTERM-free `process.send('stats')` answers the CPU time it used and the count.
 */
import { DeliveryLog, keptHeaders, summarize } from '../../src/core/webhooks/deliveries';
import { SIGNATURE_HEADER } from '../../src/core/webhooks/events';
import { startReceiver } from '../../src/core/webhooks/receiver';
import { headerValue, verifySignature } from '../../src/core/webhooks/signature';

export const BENCH_SECRET = 'wh_bench_0123456789abcdef0123456789abcdef01';

async function main(): Promise<void> {
  const log = new DeliveryLog();
  let verified = 0;
  const receiver = await startReceiver({
    port: 0,
    onDelivery: (r) => {
      const headers = keptHeaders(r.headers);
      const verdict = verifySignature({ body: r.body, signature: headerValue(headers, SIGNATURE_HEADER), secret: BENCH_SECRET, headers });
      if (verdict.state === 'verified') {
        verified++;
      }
      log.add({ receivedAt: r.receivedAt, path: r.path, body: r.body, headers, summary: summarize(r.body), verdict });
    },
  });
  const cpu0 = process.cpuUsage();
  process.on('message', (m) => {
    if (m === 'stats') {
      const cpu = process.cpuUsage(cpu0);
      process.send?.({ verified, kept: log.size, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (m === 'stop') {
      void receiver.close().then(() => process.exit(0));
    }
  });
  process.send?.({ port: receiver.port });
}

if (require.main === module) {
  void main();
}
