using Lucene.Net.Index;

namespace NewsQA.Core.Retrieval;

/// <summary>One segment of a query's snapshot as the sources read it: its number, its reader, the query's cursor and the decoded lists.</summary>
internal readonly record struct SegmentRead(int Number, AtomicReaderContext Context, PostingsCursor Cursor, PostingsCache? Cache);
