/**
 * Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm) over the pg driver adapter:
 * applies and creates migrations with no native binary and no network.
 *
 * Works around @prisma/adapter-pg 7.10 problems on this path:
 * - its shadow database ignores `database` when given a connection string, and drops the
 *   temporary database while its pool is still open: the caller supplies the shadow database
 *   (see ShadowProvider) and we close our pool before it is dropped;
 * - it cannot map the Postgres type "char" (OID 18) that catalog queries return: we report those
 *   columns to the engine as Character, the type it reads them as;
 * - its executeScript splits a script on every ";" and sends the pieces to any pooled connection,
 *   so a failing migration leaves its first half applied: we send the whole script on one
 *   connection as one simple-protocol query, which PostgreSQL runs as a single transaction;
 * - the engine calls the factory's methods unbound: it goes through bindMigrationAwareSqlAdapterFactory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;
/** SQL text -> indexes of its "char" columns (static per statement). */
type CharColumns = Map<string, number[]>;

function pgClientClass(charColumns: CharColumns): typeof pg.Client {
  return class MigrationClient extends pg.Client {
    // pg's query() has callback and promise overloads; both are handled.
    override query(...args: unknown[]): never {
      const first = args[0];
      const sql = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
      const note = (r: QueryResultLike) => {
        const idx: number[] = [];
        r?.fields?.forEach((f, i) => {
          if (f.dataTypeID === PG_CHAR_OID) {
            f.dataTypeID = PG_TEXT_OID;
            idx.push(i);
          }
        });
        if (sql && idx.length) charColumns.set(sql, idx);
        return r;
      };
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        const callback = last as (err: Error | null, r: QueryResultLike) => void;
        args[args.length - 1] = (err: Error | null, r: QueryResultLike) => callback(err, note(r));
        return (super.query as (...a: unknown[]) => unknown)(...args) as never;
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') return (result as Promise<QueryResultLike>).then(note) as never;
      return result as never;
    }
  };
}

async function connectAdapter(url: string): Promise<{ adapter: SqlDriverAdapter; pool: pg.Pool }> {
  const charColumns: CharColumns = new Map();
  const pool = new pg.Pool({ connectionString: url, Client: pgClientClass(charColumns), max: 4, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  const adapter = await new PrismaPg(pool).connect();
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query.sql) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  adapter.executeScript = async (script) => {
    const client = await pool.connect();
    try {
      await client.query(script);
    } catch (error) {
      lastScriptError = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      client.release();
    }
  };
  return { adapter, pool };
}

/** Gives the engine an empty scratch database for diffs against the migration history. */
export interface ShadowProvider {
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}

class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  private readonly pools: pg.Pool[] = [];
  constructor(
    private readonly url: string,
    private readonly shadow?: ShadowProvider,
  ) {}
  async connect() {
    const { adapter, pool } = await connectAdapter(this.url);
    this.pools.push(pool);
    return adapter;
  }
  async connectToShadowDb() {
    if (!this.shadow) throw new Error('no shadow database available for this command');
    const scratch = await this.shadow.create();
    const { adapter, pool } = await connectAdapter(scratch.url);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await pool.end();
      await scratch.drop();
    };
    return adapter;
  }
  async close() {
    await Promise.all(this.pools.map((p) => p.end().catch(() => undefined)));
  }
}

type WasmModule = typeof import('@prisma/schema-engine-wasm');
let wasmModule: Promise<WasmModule> | undefined;
let lastPanic: string | undefined;
let lastScriptError: string | undefined;

/** The database's message for the last failed migration script (the engine only says "external connector error"). */
export function lastScriptFailure(): string | undefined {
  return lastScriptError;
}

/** The last Rust panic message of the engine, if any (the thrown error only says "unreachable"). */
export function lastEnginePanic(): string | undefined {
  return lastPanic;
}

/** Node 20 cannot `import` a .wasm file: instantiate the engine's bindings by hand, once. */
function loadWasm(): Promise<WasmModule> {
  wasmModule ??= (async () => {
    // The engine reports Rust panics through this global; keep the message for our error.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import(bgPath)) as WasmModule & { __wbg_set_wasm(exports: unknown): void };
    const bytes = readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return wasmModule;
}

export interface EngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

export async function openSchemaEngine(url: string, options: { shadow?: ShadowProvider; onLog?: (line: string) => void } = {}): Promise<EngineHandle> {
  const wasm = await loadWasm();
  const factory = new MigrationAdapterFactory(url, options.shadow);
  try {
    const engine = await wasm.SchemaEngine.new({ datamodels: undefined }, (line: string) => options.onLog?.(line), bindMigrationAwareSqlAdapterFactory(factory));
    return {
      engine,
      async close() {
        engine.free();
        await factory.close();
      },
    };
  } catch (error) {
    await factory.close();
    throw error;
  }
}

export const NO_FILTER = { externalTables: [] as string[], externalEnums: [] as string[] };
