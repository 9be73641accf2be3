/** Small helpers for writing generated pages as HTML strings (served to the browser, never parsed here). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

export function htmlDocument({ lang, title, style, body }: { lang: string; title: string; style: string; body: string }): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Counts UTF-8 bytes of reading text as a page is built, to stop at a target size. */
export class TextBudget {
  bytes = 0;
  constructor(readonly targetBytes: number) {}

  add(text: string): string {
    this.bytes += Buffer.byteLength(text, 'utf8');
    return text;
  }

  get full(): boolean {
    return this.bytes >= this.targetBytes;
  }
}
