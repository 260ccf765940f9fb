import { eventKeyringOf, verifyLedger, type VerifyProgress } from '@casework/ledger';
import { loadLogSigner } from '../../../worker/src/log-signer';
import type { CliCommand } from '../cli-command';

/**
 * `npm run cli -- ledger verify`: walks the whole log as POST /api/ledger/verify does, with a
 * progress line on stderr (events, events/s), and prints the verification as JSON on stdout.
 * Event signatures are checked with the log's key (LEDGER_KEY_FILE or the one in DATA_DIR).
 * Exit 0 when the log verifies, 1 when it does not.
 */
export const ledgerCommand: CliCommand = {
  summary: 'ledger verify: verify every hash chain and the global order, with progress on stderr',
  async run(infra, args) {
    if (args[0] !== 'verify') {
      process.stderr.write('usage: npm run cli -- ledger verify\n');
      return 2;
    }
    const started = process.hrtime.bigint();
    const tty = process.stderr.isTTY === true;
    let lastDraw = 0n;
    const draw = (p: VerifyProgress, final = false) => {
      const now = process.hrtime.bigint();
      if (!final && now - lastDraw < 200_000_000n) return;
      lastDraw = now;
      const seconds = Number(now - started) / 1e9;
      const rate = seconds > 0 ? Math.round(p.events / seconds) : 0;
      const streams = p.streams ? ` streams ${p.streams.done}/${p.streams.total}` : '';
      const line = `校验 verify [${p.phase}] ${p.events} events${streams} ${rate} events/s`;
      process.stderr.write(tty ? `\r${line.padEnd(72)}` : `${line}\n`);
    };
    let last: VerifyProgress = { phase: 'global', events: 0 };
    const result = await verifyLedger(infra.store, {
      keyring: eventKeyringOf(loadLogSigner(infra.config)),
      onProgress: (p) => {
        last = p;
        draw(p);
      },
    });
    draw(last, true);
    if (tty) process.stderr.write('\n');
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.ok ? 0 : 1;
  },
};
