// An in-process LRU cache (lru-cache) whose entries carry tags — `user:<id>`, `org:<id>`, `flags` —
// naming the rows they were built from. Invalidating a tag drops every entry that carries it, which
// is how a database notification about one user or organization reaches every cached copy.
import { LRUCache } from 'lru-cache';

interface Entry<V> {
  value: V;
  tags: readonly string[];
}

export class TaggedCache<V extends object> {
  private readonly byTag = new Map<string, Set<string>>();
  private readonly lru: LRUCache<string, Entry<V>>;

  constructor(options: { max: number; ttlMs: number }) {
    this.lru = new LRUCache<string, Entry<V>>({
      max: options.max,
      ttl: options.ttlMs,
      // the tag index forgets whatever leaves the cache, however it leaves (evicted, expired, replaced)
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  get size(): number {
    return this.lru.size;
  }

  get(key: string): V | undefined {
    return this.lru.get(key)?.value;
  }

  set(key: string, value: V, tags: readonly string[]): void {
    this.lru.set(key, { value, tags });
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  delete(key: string): void {
    this.lru.delete(key);
  }

  /** Drops every entry built from the rows `tag` names. */
  invalidate(tag: string): void {
    const keys = this.byTag.get(tag);
    if (!keys) return;
    for (const key of [...keys]) this.lru.delete(key);
    this.byTag.delete(tag);
  }

  clear(): void {
    this.lru.clear();
    this.byTag.clear();
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
  }
}
