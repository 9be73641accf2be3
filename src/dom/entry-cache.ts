/**
 * Glossary entries asked of the background once and kept. The content script ships only the compact
 * match index: the hover cards' entries of the terms a page holds are fetched right after
 * annotation, so a hover never waits on a message; a pinned card's full entry when it opens.
 */

export class EntryCache<Entry extends { id: string }> {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly fetchEntries: (ids: string[]) => Promise<Entry[]>) {}

  async get(ids: readonly string[]): Promise<Map<string, Entry>> {
    const missing = [...new Set(ids)].filter((id) => !this.entries.has(id));
    if (missing.length > 0) for (const entry of await this.fetchEntries(missing)) this.entries.set(entry.id, entry);
    const result = new Map<string, Entry>();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) result.set(id, entry);
    }
    return result;
  }
}
