export { getDb, createDb, type Db, type DbTx } from "./client";
export { resolveDatabaseConfig, resolveDataDir, describeDatabase, type DatabaseConfig } from "./config";
