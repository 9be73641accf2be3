import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPageScript, PAGE_SCRIPT_FILE } from '../../src/shared/page-script';
import { HIGHLIGHT_CSS_FILE } from '../../src/shared/highlight-css-file';

/**
 * The frame answers the claim with `claim`; loading the page script's file and inserting the
 * stylesheet succeed unless told otherwise (`cssFailures` failed insertions first).
 */
function stubScripting(claim: string, { cssFailures = 0, scriptFails = false } = {}) {
  const executeScript = vi.fn((injection: { files?: string[] }) => {
    if (injection.files) {
      return scriptFails
        ? Promise.reject(new Error('Frame with ID 0 was removed.'))
        : Promise.resolve([{ frameId: 0, result: undefined }]);
    }
    return Promise.resolve([{ frameId: 0, result: claim }]);
  });
  let failuresLeft = cssFailures;
  const insertCSS = vi.fn(() =>
    failuresLeft-- > 0 ? Promise.reject(new Error('Cannot access contents of the page.')) : Promise.resolve(),
  );
  Object.assign(fakeBrowser.scripting, { executeScript, insertCSS });
  return { executeScript, insertCSS };
}

describe('loading the page script into a frame', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('loads the script and its highlight stylesheet once the frame is claimed', async () => {
    const { executeScript, insertCSS } = stubScripting('claimed');
    await expect(loadPageScript(7, 0)).resolves.toBe('claimed');
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ files: [PAGE_SCRIPT_FILE] }));
    expect(insertCSS).toHaveBeenCalledTimes(1);
    expect(insertCSS).toHaveBeenCalledWith(expect.objectContaining({ files: [HIGHLIGHT_CSS_FILE] }));
  });

  it('loads nothing into a frame that already holds the script', async () => {
    const { executeScript, insertCSS } = stubScripting('present');
    await expect(loadPageScript(7, 0)).resolves.toBe('present');
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(insertCSS).not.toHaveBeenCalled();
  });

  it('inserts the stylesheet again when it failed and the script loaded (nothing else would: the frame is claimed)', async () => {
    const { insertCSS } = stubScripting('claimed', { cssFailures: 1 });
    await expect(loadPageScript(7, 0)).resolves.toBe('claimed');
    expect(insertCSS).toHaveBeenCalledTimes(2);
  });

  it('rejects when the stylesheet fails twice, or when the script does not load', async () => {
    stubScripting('claimed', { cssFailures: 2 });
    await expect(loadPageScript(7, 0)).rejects.toThrow('Cannot access contents of the page.');
    stubScripting('claimed', { scriptFails: true });
    await expect(loadPageScript(7, 0)).rejects.toThrow('was removed');
  });
});
