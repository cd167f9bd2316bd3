/**
 * The workspace scan's schedule, apart from where files come from: a few files read at once, one
 * file scanned per turn of the event loop (a pause between files, so keystrokes and other
 * extensions get the thread), stopped by cancellation or a deadline. The host supplies the reads
 * and the pause; the bench runs the same schedule over 10,000 files on disk.
 */
import { type KeyFinding, scanForKeys } from './scanner';

/** Files larger than this are skipped (minified bundles, data dumps: not where keys are written by hand). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** How many bytes at the start of a file decide whether it is binary (a NUL byte there). */
export const BINARY_SNIFF_BYTES = 8000;

/** Whether bytes read from a file are text we scan: not too big, no NUL byte near the start. */
export function isScannableText(bytes: Uint8Array): boolean {
  return bytes.length <= MAX_FILE_BYTES && !bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

export interface ScanSchedule {
  /** Files read at the same time. */
  readonly concurrency: number;
  /** Clock in ms (performance.now or Date.now). */
  readonly now: () => number;
  /** Stop starting new files at this time on `now`'s clock. */
  readonly deadline: number;
  readonly cancelled: () => boolean;
  /** Gives the thread back between files (setImmediate in the host). */
  readonly pause: () => Promise<void>;
  readonly progress?: (done: number, total: number) => void;
}

export interface ScanSummary {
  /** Files read and scanned. */
  readonly scanned: number;
  /** Files skipped: binary, over MAX_FILE_BYTES, unreadable. */
  readonly skipped: number;
  /** Files not reached (deadline or cancellation). */
  readonly notReached: number;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
}

/**
 * Reads and scans every file; `found` receives each file with findings (its text too, for the
 * tracked-or-not message). `read` resolves undefined for a file to skip.
 */
export async function scanFiles<F>(
  files: readonly F[],
  read: (file: F) => Promise<string | undefined>,
  found: (file: F, text: string, findings: readonly KeyFinding[]) => void | Promise<void>,
  schedule: ScanSchedule,
): Promise<ScanSummary> {
  let next = 0;
  let scanned = 0;
  let skipped = 0;
  let timedOut = false;
  const worker = async (): Promise<void> => {
    while (next < files.length && !schedule.cancelled()) {
      if (schedule.now() > schedule.deadline) {
        timedOut = true;
        return;
      }
      const file = files[next++] as F;
      let text: string | undefined;
      try {
        text = await read(file);
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        skipped++;
      } else {
        const findings = scanForKeys(text);
        scanned++;
        if (findings.length > 0) {
          await found(file, text, findings);
        }
      }
      schedule.progress?.(scanned + skipped, files.length);
      await schedule.pause();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, schedule.concurrency) }, worker));
  return { scanned, skipped, notReached: files.length - scanned - skipped, timedOut, cancelled: schedule.cancelled() };
}

/** Keeps the items `keep` accepts, `sliceSize` at a time with a pause between slices (filters of thousands of paths). */
export async function filterInSlices<T>(items: readonly T[], keep: (item: T) => boolean, sliceSize: number, pause: () => Promise<void>): Promise<T[]> {
  const kept: T[] = [];
  for (let i = 0; i < items.length; i += sliceSize) {
    for (const item of items.slice(i, i + sliceSize)) {
      if (keep(item)) {
        kept.push(item);
      }
    }
    await pause();
  }
  return kept;
}
