// Issue 23: a dual-stack server records an IPv4 client as IPv4-mapped IPv6 (`::ffff:203.0.113.45`);
// with privacy mode on (the default) the panel shows only the first two octets of that IPv4.
import * as assert from 'node:assert/strict';
import { EDGE_CASE_IDS } from '../sandbox/constants';
import { closeAllEditors, elementShot, fieldRow, fieldValue, lookUp, signedInToAurora } from './customerFlows';
import { ui } from './fixture';

describe('an IPv4-mapped IP address in the panel (issue 23)', function () {
  this.timeout(60_000);

  signedInToAurora();

  it('privacy on: the IP row shows ::ffff:203.0.*.* and nothing of the rest of the address anywhere in the panel', async () => {
    const { workbench } = ui();
    const id = EDGE_CASE_IDS.arrayData;
    const frame = await lookUp(workbench, String(id), id);
    const ip = await fieldValue(frame, 'ip');
    await elementShot(fieldRow(frame, 'ip'), 'ipv4-mapped-01-ip-row');
    await workbench.screenshot('ipv4-mapped-02-panel');
    assert.equal(ip, '::ffff:203.0.*.*');
    const panel = await frame.locator('#root').innerText();
    assert.ok(!panel.includes('203.0.113') && !panel.includes('0.113.45'), 'no more of the IPv4 than its first two octets');
    await closeAllEditors(workbench);
  });
});
