/** The workspace scan's schedule: concurrency, pauses between files, deadline, cancellation, skips. */
import assert from 'node:assert/strict';
import { filterInSlices, isScannableText, MAX_FILE_BYTES, scanFiles, type ScanSchedule } from '../../../src/core/keys/workspaceScan';
import { SK } from './corpus';

function schedule(over: Partial<ScanSchedule> = {}): ScanSchedule {
  return { concurrency: 3, now: () => 0, deadline: 1, cancelled: () => false, pause: () => Promise.resolve(), ...over };
}

describe('keys: workspace scan schedule', () => {
  it('scans every file once, reports the ones with findings, counts skips', async () => {
    const files = Array.from({ length: 50 }, (_, i) => i);
    const seen: number[] = [];
    const found: number[] = [];
    const s = await scanFiles(files, (f) => { seen.push(f); return Promise.resolve(f % 10 === 0 ? `k = '${SK[0]}'` : f % 7 === 0 ? undefined : 'nothing'); }, (f) => { found.push(f); }, schedule());
    assert.deepEqual([...seen].sort((a, b) => a - b), files);
    assert.deepEqual(found.sort((a, b) => a - b), [0, 10, 20, 30, 40]);
    assert.deepEqual(s, { scanned: 43, skipped: 7, notReached: 0, timedOut: false, cancelled: false });
  });

  it('pauses after every file and keeps at most `concurrency` reads in flight', async () => {
    let inFlight = 0;
    let most = 0;
    let pauses = 0;
    await scanFiles(Array.from({ length: 20 }, (_, i) => i), async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return 'x';
    }, () => undefined, schedule({ pause: () => { pauses++; return Promise.resolve(); } }));
    assert.equal(most, 3);
    assert.equal(pauses, 20);
  });

  it('stops at the deadline and on cancellation, saying how many files it did not reach', async () => {
    let clock = 0;
    const timed = await scanFiles(Array.from({ length: 10 }, (_, i) => i), () => Promise.resolve('x'), () => undefined, schedule({ concurrency: 1, now: () => clock++, deadline: 4 }));
    assert.equal(timed.timedOut, true);
    assert.equal(timed.scanned + timed.notReached, 10);
    assert.ok(timed.notReached > 0);
    let n = 0;
    const cancelled = await scanFiles(Array.from({ length: 10 }, (_, i) => i), () => Promise.resolve('x'), () => undefined, schedule({ concurrency: 1, cancelled: () => n++ >= 3, deadline: Infinity }));
    assert.equal(cancelled.cancelled, true);
    assert.ok(cancelled.notReached > 0);
  });

  it('a failing read is a skipped file, not a failed scan', async () => {
    const s = await scanFiles([1, 2], (f) => (f === 1 ? Promise.reject(new Error('EACCES')) : Promise.resolve('x')), () => undefined, schedule({ deadline: Infinity }));
    assert.deepEqual([s.scanned, s.skipped], [1, 1]);
  });

  it('skips binaries (a NUL byte early) and files over 1 MB', () => {
    assert.equal(isScannableText(new TextEncoder().encode('plain text')), true);
    assert.equal(isScannableText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), false);
    assert.equal(isScannableText(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61)), false);
    assert.equal(isScannableText(new Uint8Array(MAX_FILE_BYTES).fill(0x61)), true);
  });

  it('filters in slices with a pause between them', async () => {
    let pauses = 0;
    const kept = await filterInSlices(Array.from({ length: 1000 }, (_, i) => i), (i) => i % 2 === 0, 100, () => { pauses++; return Promise.resolve(); });
    assert.equal(kept.length, 500);
    assert.equal(pauses, 10);
  });
});
