/**
 * A numbered schema change. Once a migration has shipped in a release it is NEVER edited: a
 * database in the field has already run it, and editing it would leave those databases and new
 * ones with different schemas. Change the schema by adding the next number instead. The
 * migrations test pins each shipped migration's checksum to catch an accidental edit.
 */
export interface Migration {
  /** Increasing (gaps allowed: numbers are reserved per change); PRAGMA user_version once applied. */
  version: number;
  /** Short snake_case description, recorded in schema_migrations. */
  name: string;
  /** Runs inside the transaction that applies all pending migrations. */
  sql: string;
}
