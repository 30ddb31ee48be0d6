// Small helpers shared by the HTML page and the SVG charts: escaping, coordinates written the same way
// on every run (two decimals at most, no "-0"), and a rough text width for laying labels out so that
// they fit their box (checked in a real browser by test/render/html-browser.test.ts).

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A coordinate as text: rounded to 0.01, integers without decimals. */
export function px(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** Width of `text` at `fontSize` px in a sans-serif face, erring wide (0.68 em per character: DejaVu Sans, the widest common default, averages 0.64). */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.68;
}

/** An id made from a name: lower-case letters, digits and dashes only, so it is stable and valid. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

/** The frame of every chart: an accessible SVG with a title and a description. */
export function svgFrame(id: string, width: number, height: number, title: string, body: string): string {
  return (
    `<svg class="chart-svg" id="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeHtml(title)}</title>${body}</svg>`
  );
}
