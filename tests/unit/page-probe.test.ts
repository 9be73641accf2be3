import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadWhereSaved, probePage, type PageProbeDeps } from '../../src/dom/page-probe';
import { sitePatterns } from '../../src/shared/saved-highlights-script';

/** A page the probe can check, under the globals it uses (linkedom has no NodeFilter). */
function usePage(html: string): void {
  const { document } = parseHTML(html);
  vi.stubGlobal('document', document);
  vi.stubGlobal('NodeFilter', { SHOW_TEXT: 4 });
  vi.stubGlobal('location', new URL('https://example.com/news/1'));
}

/** Deps that record which of them the probe used. */
function recordingDeps(answers: { enabled?: boolean; saved?: boolean } = {}): { deps: PageProbeDeps; used: string[] } {
  const used: string[] = [];
  const deps: PageProbeDeps = {
    hasReaderHighlights: () => (used.push('hasReaderHighlights'), Promise.resolve(answers.saved ?? false)),
    requestPageScript: () => Promise.resolve(used.push('requestPageScript')),
    hasPageScript: () => false,
    isAnnotationEnabled: () => (used.push('isAnnotationEnabled'), Promise.resolve(answers.enabled ?? true)),
    watchSettings: () => (used.push('watchSettings'), () => undefined),
  };
  return { deps, used };
}

describe('the page probe', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('asks extension storage nothing on a page without Chinese (the saved-highlights script looks for those)', async () => {
    usePage(
      '<html><head><title>News</title></head><body><p>Only English here.</p><script>var s = "六稳";</script></body></html>',
    );
    const { deps, used } = recordingDeps({ saved: true });
    await probePage(deps);
    expect(used).toEqual([]);
  });

  it('asks for the page script on a page with Chinese where annotation is on', async () => {
    usePage('<html><head><title>News</title></head><body><p>坚持稳中求进工作总基调。</p></body></html>');
    const { deps, used } = recordingDeps();
    await probePage(deps);
    expect(used).toEqual(['isAnnotationEnabled', 'requestPageScript']);
  });

  it('watches the settings on a page with Chinese where annotation is off, and loads nothing', async () => {
    usePage('<html><head><title>新闻</title></head><body></body></html>');
    const { deps, used } = recordingDeps({ enabled: false });
    await probePage(deps);
    expect(used).toEqual(['isAnnotationEnabled', 'watchSettings']);
  });

  it('watches the settings once an app without Chinese routes to Chinese on a site switched off', async () => {
    usePage('<html><head><title>App</title></head><body><p>Only English here.</p></body></html>');
    const { deps, used } = recordingDeps({ enabled: false });
    await probePage(deps);
    expect(used).toEqual([]);
    // The app renders a Chinese route (no Navigation API in Node: the probe polls the address).
    usePage('<html><head><title>App</title></head><body><p>坚持稳中求进工作总基调。</p></body></html>');
    vi.stubGlobal('location', new URL('https://example.com/news/2'));
    await vi.advanceTimersByTimeAsync(3_000);
    // Looked twice after the route change (and for saved highlights each time); watched once.
    expect(used).toEqual([
      'isAnnotationEnabled',
      'watchSettings',
      'hasReaderHighlights',
      'isAnnotationEnabled',
      'hasReaderHighlights',
    ]);
  });

  it('has the saved-highlights script load the page script only where this address has highlights', async () => {
    usePage('<html><body><p>Only English here.</p></body></html>');
    const saved = recordingDeps({ saved: true });
    await loadWhereSaved(saved.deps);
    expect(saved.used).toEqual(['hasReaderHighlights', 'requestPageScript']);
    const none = recordingDeps({ saved: false });
    await loadWhereSaved(none.deps);
    expect(none.used).toEqual(['hasReaderHighlights']);
  });
});

describe('the sites the saved-highlights script is registered on', () => {
  it('are one match pattern per scheme and host, without ports, paths or fragments', () => {
    expect(
      sitePatterns([
        'https://www.gov.cn/zhengce/2020-07/15/content_1.htm?from=a',
        'https://www.gov.cn/other',
        'http://127.0.0.1:4321/annotator/english-app.html?reader',
        'https://例子.中国/页面',
      ]),
    ).toEqual(['http://127.0.0.1/*', 'https://www.gov.cn/*', 'https://xn--fsqu00a.xn--fiqs8s/*']);
  });

  it('leave out what a match pattern cannot hold or the probe never runs on', () => {
    expect(sitePatterns(['file:///home/a.html', 'not a url', 'http://[::1]:8080/x', 'chrome://settings'])).toEqual([]);
  });
});
