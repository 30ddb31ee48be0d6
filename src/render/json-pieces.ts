// A JSON document whose last key holds a long list (movements, renewal units), laid out exactly as
// JSON.stringify(document, null, 2) would, but produced lazily in pieces: each item is stringified on its
// own and items are joined 10,000 at a time, so millions of rows never become one string (report-text.ts).

export function* jsonWithLongList(head: object, key: string, count: number, itemAt: (index: number) => unknown, piece = 10_000): Generator<string> {
  const start = `${JSON.stringify(head, null, 2).slice(0, -2)},\n  ${JSON.stringify(key)}: `;
  if (count === 0) {
    yield `${start}[]\n}\n`;
    return;
  }
  yield `${start}[\n    `;
  for (let from = 0; from < count; from += piece) {
    const items: string[] = [];
    for (let i = from; i < Math.min(count, from + piece); i++) items.push(JSON.stringify(itemAt(i), null, 2).replace(/\n/g, '\n    '));
    yield `${from > 0 ? ',\n    ' : ''}${items.join(',\n    ')}`;
  }
  yield '\n  ]\n}\n';
}
