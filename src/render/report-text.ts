// A rendered report: one string, or pieces written one after the other as they are made. Listings of
// millions of rows are produced lazily, piece by piece, so that neither one huge string (V8 caps a string at
// about 512 million characters) nor the whole text at once is held in memory while it is written.
export type ReportText = string | Iterable<string>;
