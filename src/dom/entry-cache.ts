/**
 * Full glossary entries for tooltips, asked of the background once and kept. The content script
 * ships only the compact match index; the details of the terms a page holds are fetched right after
 * annotation, so a hover never waits on a message.
 */
import type { GlossaryEntry } from '../core/glossary/schema';

export class EntryCache {
  private readonly entries = new Map<string, GlossaryEntry>();

  constructor(private readonly fetchEntries: (ids: string[]) => Promise<GlossaryEntry[]>) {}

  async get(ids: readonly string[]): Promise<Map<string, GlossaryEntry>> {
    const missing = [...new Set(ids)].filter((id) => !this.entries.has(id));
    if (missing.length > 0) for (const entry of await this.fetchEntries(missing)) this.entries.set(entry.id, entry);
    const result = new Map<string, GlossaryEntry>();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) result.set(id, entry);
    }
    return result;
  }
}
