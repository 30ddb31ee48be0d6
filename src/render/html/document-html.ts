// Any report's neutral Document as a self-contained HTML page (title, policy, tables, notes): the HTML
// form of a command that has no charts of its own yet; commands with charts add them to the same page.
import type { Document } from '../table-model.js';
import { htmlTable, renderHtmlPage, type HtmlSection } from './page.js';

export function renderDocumentHtml(doc: Document, charts: readonly HtmlSection[] = []): string {
  const tables: HtmlSection = { heading: 'Tables', html: doc.tables.map((t) => htmlTable(t, doc.currencyDigits)).join('') };
  return renderHtmlPage({ title: doc.title, subtitle: [], policy: doc.policy, sections: [...charts, tables], notes: doc.notes });
}
