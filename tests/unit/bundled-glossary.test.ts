import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toListEntry, type ListGlossary } from '../../src/core/glossary/list-entry';
import { loadBundledGlossary, loadListGlossary, type BundledGlossary } from '../../src/shared/bundled-glossary';
import { BUNDLED_GLOSSARY_FILE, LIST_GLOSSARY_FILE } from '../../src/shared/bundled-glossary-file';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the bundled glossary file', () => {
  it('names the file when it cannot be read, and reads it again on the next call', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(new Response(JSON.stringify({ version: 'v1', entries: [] })));
    vi.stubGlobal('fetch', fetch);
    await expect(loadBundledGlossary()).rejects.toThrow(`${BUNDLED_GLOSSARY_FILE}: Failed to fetch`);
    await expect(loadBundledGlossary()).resolves.toEqual({ version: 'v1', entries: [] });
    // Read once it succeeded: later calls share that read.
    await loadBundledGlossary();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[0]![0]).toEqual(expect.stringContaining(BUNDLED_GLOSSARY_FILE));
  });

  it('names the list file too when it cannot be read', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof globalThis.fetch>().mockResolvedValue(new Response('', { status: 404 })));
    await expect(loadListGlossary()).rejects.toThrow(`${LIST_GLOSSARY_FILE}: HTTP 404`);
  });

  it('ships a list that holds every entry of the glossary, as toListEntry makes it, with the same version', () => {
    const read = <T>(file: string): T =>
      JSON.parse(readFileSync(new URL(`../../.generated/${file}`, import.meta.url), 'utf8')) as T;
    const full = read<BundledGlossary>(BUNDLED_GLOSSARY_FILE);
    const list = read<ListGlossary>(LIST_GLOSSARY_FILE);
    expect(list.version).toBe(full.version);
    expect(list.entries).toEqual(full.entries.map(toListEntry));
    expect(list.entries.find((entry) => entry.term === '六稳')?.members).toHaveLength(6);
  });
});
