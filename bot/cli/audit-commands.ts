import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { createMongoAuditLedger } from '../../data/audit/mongo-audit-ledger.ts';
import { describeVerification } from '../../handlers/audit/describe-verification.ts';
import { InvalidTimeRangeError, parseTimeRange } from '../../handlers/audit/parse-time-range.ts';
import type { AuditLedger, TimeRange } from '../../handlers/audit/types.ts';
import { readConfig, type Config } from '../config.ts';
import { BadRequestError } from '../errors.ts';
import { withDatabase } from './with-database.ts';

/** Opens the ledger on the bot's database for the length of `use`. */
function withAuditLedger<T>(config: Config, use: (ledger: AuditLedger) => Promise<T>): Promise<T> {
  return withDatabase(config, 'audit', (models) => use(createMongoAuditLedger(models.AuditEvent)));
}

function parseRange(options: { from?: string; to?: string }): TimeRange {
  try {
    return parseTimeRange(options);
  } catch (error) {
    if (error instanceof InvalidTimeRangeError) throw new BadRequestError(error.message);
    throw error;
  }
}

function entriesWord(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}

async function exportToFile(config: Config, tenantId: string, range: TimeRange, out: string): Promise<void> {
  // Written beside the target and renamed at the end, so a failed export never leaves a partial file.
  const target = path.resolve(out);
  const partial = `${target}.partial-${process.pid}`;
  const file = await open(partial, 'wx').catch((error: Error) => {
    throw new BadRequestError(`--out: cannot write ${out} (${error.message})`);
  });
  const stream = file.createWriteStream();
  let writeError: Error | undefined;
  stream.on('error', (error) => (writeError ??= error));
  try {
    const summary = await withAuditLedger(config, (ledger) =>
      ledger.exportJsonLines(tenantId, range.from, range.to, stream),
    );
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => ((error ?? writeError) ? reject(error ?? writeError) : resolve())),
    );
    await rename(partial, target);
    const seqs = summary.count > 0 ? ` (seq ${summary.firstSeq} to ${summary.lastSeq})` : '';
    console.log(
      `exported ${entriesWord(summary.count)}${seqs} of tenant ${JSON.stringify(tenantId)} to ${out}`,
    );
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** `em-agent audit verify|export`: the tamper-evident ledger, read from the bot's database. */
export function registerAuditCommands(program: Command, fail: (error: unknown) => never): void {
  const audit = program
    .command('audit')
    .description(
      'check or export the tamper-evident audit ledger (reads MONGODB_URI, else the demo database)',
    );

  audit
    .command('verify')
    .description("check a tenant's hash chain: exit 0 when intact, 2 at the first broken link")
    .requiredOption('--tenant <id>', 'the tenant: Slack team id, Teams tenant id, or demo')
    .action(async (options: { tenant: string }) => {
      try {
        const config = readConfig();
        const result = await withAuditLedger(config, (ledger) => ledger.verify(options.tenant));
        console.log(describeVerification(options.tenant, result));
        if (!result.ok) process.exitCode = 2;
      } catch (error) {
        fail(error);
      }
    });

  audit
    .command('export')
    .description("write a tenant's ledger as JSON Lines, one entry per line in seq order, every stored field")
    .requiredOption('--tenant <id>', 'the tenant: Slack team id, Teams tenant id, or demo')
    .option(
      '--from <time>',
      'from this date or time, inclusive: 2025-01-01 (UTC) or 2025-01-01T09:00:00+02:00',
    )
    .option('--to <time>', 'until this time, exclusive; a date alone includes that whole day (UTC)')
    .option('--out <file>', 'write to this file instead of stdout (replaced only when the export succeeds)')
    .action(async (options: { tenant: string; from?: string; to?: string; out?: string }) => {
      try {
        const config = readConfig();
        const range = parseRange(options);
        if (options.out) {
          await exportToFile(config, options.tenant, range, options.out);
          return;
        }
        // A reader that stops early (`| head`) is not an error: stop writing and exit 0.
        const isClosedPipe = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
        process.stdout.on('error', (error) => {
          if (!isClosedPipe(error)) fail(error);
        });
        await withAuditLedger(config, (ledger) =>
          ledger.exportJsonLines(options.tenant, range.from, range.to, process.stdout),
        ).catch((error: unknown) => {
          if (!isClosedPipe(error)) throw error;
        });
      } catch (error) {
        fail(error);
      }
    });
}
