import { existsSync } from 'node:fs';
import path from 'node:path';
import { connectDatabase } from '../../data/db/connect.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase, type EmbeddedKind } from '../../data/db/embedded.ts';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import type { Config } from '../config.ts';
import { NotConfiguredError } from '../errors.ts';
import { createLogger } from '../logger.ts';

/**
 * With no MONGODB_URI: the embedded database `npm start` keeps in DATA_DIR, if there is one; with
 * FERRETDB_POSTGRESQL_URL, FerretDB, whose data is in that PostgreSQL.
 */
function embeddedKindIn(config: Config): EmbeddedKind | undefined {
  const { dataDir, embedded, ferretdbPostgresqlUrl } = config.database;
  if (ferretdbPostgresqlUrl && embedded !== 'mongodb-memory-server') return 'ferretdb';
  const holds = (kind: EmbeddedKind) =>
    existsSync(path.resolve(dataDir, kind === 'ferretdb' ? 'ferretdb' : 'mongodb'));
  if (embedded !== 'auto') return holds(embedded) ? embedded : undefined;
  return (['ferretdb', 'mongodb-memory-server'] as const).find(holds);
}

/**
 * Runs `use` with the models on MONGODB_URI or, without it, on the demo's embedded database in DATA_DIR
 * (started for the command and stopped after it), and always closes what it opened.
 */
export async function withDatabase<T>(
  config: Config,
  commandGroup: string,
  use: (models: Models) => Promise<T>,
): Promise<T> {
  let embedded: EmbeddedDatabase | undefined;
  if (!config.database.uri) {
    const kind = embeddedKindIn(config);
    if (!kind) {
      throw new NotConfiguredError(
        `${commandGroup} commands read the database: set MONGODB_URI, or run them where the demo keeps its data ` +
          `(there is no embedded database in ${path.resolve(config.database.dataDir)}; see DATA_DIR)`,
      );
    }
    const log = createLogger('warn', process.stderr);
    embedded = await startEmbeddedDatabase({
      mode: kind,
      dataDir: config.database.dataDir,
      postgresqlUrl: config.database.ferretdbPostgresqlUrl,
      log,
    });
  }
  try {
    const connection = await connectDatabase(config.database.uri ?? embedded!.uri);
    try {
      const models = defineModels(connection);
      await ensureIndexes(models);
      return await use(models);
    } finally {
      await connection.close();
    }
  } finally {
    await embedded?.stop();
  }
}
