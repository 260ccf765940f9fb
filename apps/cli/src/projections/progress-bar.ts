import type { RebuildProgress } from '@casework/read-models';

const fmt = (n: number) => n.toLocaleString('en-US');

const duration = (s: number) => (s >= 90 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.round(s)} s`);

/** One progress line: bar, events done, rate, time left. */
export function progressLine(p: RebuildProgress, width = 30): string {
  const total = Math.max(p.total, p.done);
  const ratio = total === 0 ? 1 : p.done / total;
  const filled = Math.round(ratio * width);
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.done / seconds : 0;
  const left = rate > 0 ? (total - p.done) / rate : 0;
  const tail = p.phase === 'replaying' ? `ETA ${duration(left)}` : p.phase;
  return `${p.projection.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(1).padStart(5)}% ${fmt(p.done)}/${fmt(total)} events  ${fmt(Math.round(rate))} ev/s  ${tail}`;
}

/** Redraws one line on a terminal; prints a line every few seconds elsewhere (logs, CI). */
export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): (p: RebuildProgress) => void {
  let last = 0;
  return (p) => {
    if (stream.isTTY) {
      stream.write(`\r${progressLine(p)}${p.phase === 'done' ? '\n' : ''}`);
    } else if (p.phase !== 'replaying' || Date.now() - last > 2000) {
      stream.write(`${progressLine(p)}\n`);
      last = Date.now();
    }
  };
}
