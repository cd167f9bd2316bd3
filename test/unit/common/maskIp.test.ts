/**
 * Issue 23: maskIp over every way an IP address is written. A dual-stack server records an IPv4
 * client as IPv4-mapped IPv6 (`::ffff:203.0.113.45`); privacy mode used to show that whole IPv4.
 * Every IPv6 form masks every address it holds, and text that is no address is hidden entirely.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskIp } from '../../../src/core/common/mask';

/** Runs per property (cheap: a string in, a string out). */
const RUNS = 1_000;

describe('maskIp: every IPv6 form (issue 23)', () => {
  const table: [string, string, string][] = [
    ['IPv4', '203.0.113.45', '203.0.*.*'],
    ['IPv4 with spaces around', ' 203.0.113.45\n', '203.0.*.*'],
    ['IPv4 with a port', '203.0.113.45:8080', '203.0.*.*'],
    ['IPv4-mapped', '::ffff:203.0.113.45', '::ffff:203.0.*.*'],
    ['IPv4-mapped, upper case', '::FFFF:203.0.113.45', '::ffff:203.0.*.*'],
    ['IPv4-mapped, uncompressed', '0:0:0:0:0:ffff:203.0.113.45', '::ffff:203.0.*.*'],
    ['IPv4-mapped, leading zeros', '0000:0000:0000:0000:0000:FFFF:203.0.113.45', '::ffff:203.0.*.*'],
    ['IPv4-mapped, partly compressed', '0:0::ffff:203.0.113.45', '::ffff:203.0.*.*'],
    ['IPv4-mapped in hex', '::ffff:cb00:712d', '::ffff:203.0.*.*'],
    ['IPv4-mapped, bracketed with a port', '[::ffff:203.0.113.45]:443', '::ffff:203.0.*.*'],
    ['IPv4-mapped with a zone', '::ffff:203.0.113.45%eth0', '::ffff:203.0.*.*'],
    ['IPv4-compatible', '::203.0.113.45', '::203.0.*.*'],
    ['IPv4-compatible in hex', '::cb00:712d', '::203.0.*.*'],
    ['IPv4-translated (SIIT)', '::ffff:0:203.0.113.45', '0:0:*'],
    ['NAT64', '64:ff9b::203.0.113.45', '64:ff9b:*'],
    ['IPv6', '2001:db8::1', '2001:db8:*'],
    ['IPv6 uncompressed, upper case, leading zeros', '2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8:*'],
    ['IPv6 compressed at the end', '2001:db8::', '2001:db8:*'],
    ['IPv6 compressed after one group', 'fe80::1', 'fe80:0:*'],
    ['IPv6 compressing one group', '2001:db8:0:1:1:1:1::', '2001:db8:*'],
    ['IPv6 with a zone', 'fe80::1%eth0', 'fe80:0:*'],
    ['IPv6 with a URL-encoded zone', 'fe80::1%25eth0', 'fe80:0:*'],
    ['IPv6 bracketed', '[2001:db8::1]', '2001:db8:*'],
    ['IPv6 bracketed with a port', '[2001:db8::1]:8080', '2001:db8:*'],
    ['loopback', '::1', '0:0:*'],
    ['unspecified', '::', '0:0:*'],
    ['empty', '', '***'],
    ['no address', 'desconhecido', '***'],
    ['two groups of text', 'abc:defg', '***'],
    ['a group too long', '2001:db8::12345', '***'],
    ['two compressions', '2001::db8::1', '***'],
    ['nine groups', '1:2:3:4:5:6:7:8:9', '***'],
    ['seven groups, no compression', '1:2:3:4:5:6:7', '***'],
    ['compression with eight groups', '1:2:3:4::5:6:7:8', '***'],
    ['an IPv4 octet over 255', '::ffff:203.0.113.456', '***'],
    ['an IPv4 with three octets', '::ffff:203.0.113', '***'],
    ['IPv4 after too many groups', '1:2:3:4:5:6:7:203.0.113.45', '***'],
    ['a list of addresses', '203.0.113.45, 198.51.100.7', '***'],
    ['bracket without an address', '[]:80', '***'],
    ['zone without an address', '%eth0', '***'],
    ['a port too long', '203.0.113.45:123456', '***'],
    ['text before the bracket', 'x[2001:db8::1]', '***'],
    ['text after the bracket', '[2001:db8::1]:8080x', '***'],
    ['text on a line before', 'x\n::ffff:203.0.113.45', '***'],
    ['five dotted numbers', '::ffff:203.0.113.45.7', '***'],
    ['an IPv4 octet of four digits', '::ffff:203.0.113.4567', '***'],
  ];
  for (const [name, input, expected] of table) {
    it(`${name}: ${JSON.stringify(input)} → ${expected}`, () => { assert.equal(maskIp(input), expected); });
  }

  /** An IPv4 written inside IPv6 in each notation a server or a proxy uses. */
  const hex = (a: number, b: number): string => ((a << 8) | b).toString(16);
  const embedded = fc.tuple(
    fc.ipV4(),
    fc.constantFrom(
      (ip: string) => `::ffff:${ip}`,
      (ip: string) => `::FFFF:${ip}`,
      (ip: string) => `0:0:0:0:0:ffff:${ip}`,
      (ip: string) => `0000:0000:0000:0000:0000:ffff:${ip}`,
      (ip: string) => `0:0:0::ffff:${ip}`,
      (ip: string) => `::${ip}`,
      (ip: string) => `::ffff:0:${ip}`,
      (ip: string) => `64:ff9b::${ip}`,
      (ip: string) => {
        const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number);
        return `::ffff:${hex(a, b)}:${hex(c, d)}`;
      },
    ),
    fc.constantFrom((v: string) => v, (v: string) => `[${v}]`, (v: string) => `[${v}]:443`, (v: string) => `${v}%eth0`, (v: string) => ` ${v} `),
  ).map(([ip, notation, wrap]) => ({ ip, text: wrap(notation(ip)) }));

  it('property: an IPv4 embedded in any IPv6 notation never shows whole, nor its last three octets', () => {
    fc.assert(
      fc.property(embedded, ({ ip, text }) => {
        const masked = maskIp(text);
        assert.ok(!masked.includes(ip), `${text} → ${masked}`);
        assert.ok(!masked.includes(ip.split('.').slice(1).join('.')), `${text} → ${masked}`);
        assert.ok(/^(::(ffff:)?\d{1,3}\.\d{1,3}\.\*\.\*|[0-9a-f]{1,4}:[0-9a-f]{1,4}:\*)$/.test(masked), `${text} → ${masked}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('property: any IPv6 address, in any notation, masks to its first two groups or to its IPv4 masked', () => {
    const groups = (text: string): string[] => {
      // the eight groups of an address without a dotted tail, as numbers in hex without leading zeros
      const [head = '', tail] = text.split('::');
      const h = head === '' ? [] : head.split(':');
      const t = tail === undefined || tail === '' ? [] : tail.split(':');
      return [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) => parseInt(g, 16).toString(16));
    };
    fc.assert(
      fc.property(fc.ipV6(), (v6) => {
        const masked = maskIp(v6);
        if (/\d+\.\d+\.\d+\.\d+$/.test(v6)) {
          assert.ok(/^(::(ffff:)?\d{1,3}\.\d{1,3}\.\*\.\*|[0-9a-f]{1,4}:[0-9a-f]{1,4}:\*)$/.test(masked), `${v6} → ${masked}`);
          return;
        }
        const g = groups(v6);
        const v4 = g.slice(0, 5).every((x) => x === '0') && (g[5] === 'ffff' || (g[5] === '0' && g[6] !== '0'));
        if (!v4) {
          assert.equal(maskIp(v6), `${g[0] ?? ''}:${g[1] ?? ''}:*`);
          assert.equal(maskIp(`[${v6}]:8080`), masked);
          assert.equal(maskIp(`${v6}%wlan0`), masked);
        } else {
          assert.ok(/^::(ffff:)?\d{1,3}\.\d{1,3}\.\*\.\*$/.test(masked), `${v6} → ${masked}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
