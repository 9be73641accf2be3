import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBundledGlossary } from '../../src/shared/bundled-glossary';
import { BUNDLED_GLOSSARY_FILE } from '../../src/shared/bundled-glossary-file';

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
});
