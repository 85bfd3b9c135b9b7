/**
 * The outbox's store in IndexedDB (database "reward-studio-outbox", one object store of
 * batches keyed by an auto-increment key, indexed by run): a thin adapter, the logic lives in
 * ./outbox.ts. Works in a page and in a Web Worker; the data outlives a reload.
 */
import type { MetricPoint } from "../metric-points";
import { MemoryOutboxStore, type OutboxEntry, type OutboxStore } from "./outbox";

const DB = "reward-studio-outbox";
const STORE = "batches";

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("IndexedDB request failed"));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

function open(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: "key", autoIncrement: true }).createIndex("runId", "runId");
  return request(r);
}

class IdbOutboxStore implements OutboxStore {
  constructor(private readonly db: IDBDatabase) {}

  async add(runId: string, points: MetricPoint[]): Promise<void> {
    const tx = this.db.transaction(STORE, "readwrite");
    tx.objectStore(STORE).add({ runId, points });
    await done(tx);
  }

  async list(runId: string): Promise<OutboxEntry[]> {
    const tx = this.db.transaction(STORE, "readonly");
    // An index's records come in key order within one run id: oldest batch first.
    return request(tx.objectStore(STORE).index("runId").getAll(IDBKeyRange.only(runId)) as IDBRequest<OutboxEntry[]>);
  }

  async remove(keys: readonly number[]): Promise<void> {
    const tx = this.db.transaction(STORE, "readwrite");
    for (const k of keys) tx.objectStore(STORE).delete(k);
    await done(tx);
  }
}

/** The outbox store of this browser: IndexedDB, or memory where there is none (a private window may refuse it). */
export async function browserOutboxStore(): Promise<{ store: OutboxStore; durable: boolean }> {
  try {
    return { store: new IdbOutboxStore(await open()), durable: true };
  } catch {
    return { store: new MemoryOutboxStore(), durable: false };
  }
}
