import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createAdapter } from "./adapter";
import type { DatabaseConfig } from "./config";
import { SCHEMA_PATH, loadMigrationList } from "./migration-files";

// Migrations are applied offline with Prisma's own schema engine compiled to WebAssembly
// (the Prisma CLI would download a native engine). Same folders and `_prisma_migrations`
// table as `prisma migrate deploy`. How to write a migration, and the traps:
// docs/prisma-offline.md.

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
type SchemaEngine = Awaited<ReturnType<SchemaEngineModule["SchemaEngine"]["new"]>>;

let enginePromise: Promise<SchemaEngineModule> | undefined;

/** Loads the wasm by hand: the package imports a .wasm file as an ES module, which Node rejects. */
function loadEngineModule(): Promise<SchemaEngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import(pathToFileURL(bgPath).href);
    const bytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg as SchemaEngineModule;
  })();
  return enginePromise;
}

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodel: string | undefined,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const mod = await loadEngineModule();
  // The engine opens connections through the factory but never closes them; a connection left
  // open would keep holding its migration advisory lock, so track and dispose them ourselves.
  const opened: { dispose(): Promise<void> }[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => {
      const a = wholeScripts(await adapterFactory.connect());
      opened.push(a);
      return a;
    },
    connectToShadowDb: async () => {
      const a = await adapterFactory.connectToShadowDb();
      opened.push(a);
      return a;
    },
  };
  const engine = await mod.SchemaEngine.new(
    { datamodels: datamodel ? [[SCHEMA_PATH, datamodel]] : undefined },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await fn(engine);
  } catch (err) {
    throw new Error(`schema engine: ${formatEngineError(err)}`, { cause: err });
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
  }
}

function formatEngineError(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "object" && err && "message" in err) return String((err as { message: unknown }).message);
  return JSON.stringify(err);
}

// adapter-pg runs a migration script by splitting it on every ";" — inside comments, strings and
// dollar-quoted function bodies too — so a migration defining a trigger function fails. Postgres
// itself takes a whole script in one simple query (as psql and PGlite do); send it that way.
function wholeScripts<A extends { provider: string; executeScript(script: string): Promise<void> }>(adapter: A): A {
  const driver = (adapter as unknown as { underlyingDriver?: () => unknown }).underlyingDriver?.();
  if (adapter.provider === "postgres" && driver instanceof pg.Pool) {
    adapter.executeScript = async (script: string) => {
      await driver.query(script);
    };
  }
  return adapter;
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies every migration not yet recorded in `_prisma_migrations`; returns their names. */
export async function applyMigrations(config: DatabaseConfig): Promise<string[]> {
  const adapter = await createAdapter(config, { poolMax: 2 });
  const migrationsList = await loadMigrationList();
  const out = await withEngine(adapter, undefined, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return out.appliedMigrationNames;
}

/**
 * The SQL that would bring the migrations up to `schema.prisma`, computed by replaying the
 * migrations into a throw-away in-memory PGlite. Empty string when they agree.
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const scratch = new PGlite();
  try {
    const datamodel = await readFile(SCHEMA_PATH, "utf8");
    const migrations = await loadMigrationList();
    const result = await withEngine(new PrismaPGlite(scratch), datamodel, (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrations },
        to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: datamodel }] },
        script: true,
        exitCode: true,
        filters: noFilters,
      }),
    );
    return result.exitCode === 2 ? (result.stdout ?? "").trim() : "";
  } finally {
    await scratch.close();
  }
}

