using System.Diagnostics;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// Plain Lucene.Net as a .NET developer would first use it, run in a process of its own: Lucene's ArabicAnalyzer, BM25
/// with NewsQA's k1 and b, the passage text stored (so index sizes compare with NewsQA's, which stores it too), positions
/// kept (TextField's default), an OR query of the question's analyzed words, the top 10 passages read back.
/// </summary>
public static class LuceneBenchmark
{
    private const string Text = "text";
    private const string Number = "n";

    public static EngineResult Run(string corpusPath, string questionsPath, string indexFolder, double k1, double b)
    {
        var questions = BenchmarkFiles.ReadQuestions(questionsPath);
        using var analyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        var similarity = new BM25Similarity((float)k1, (float)b);
        using (var warm = new RAMDirectory()) Build(warm, analyzer, similarity, BenchmarkFiles.ReadPassages(corpusPath).Take(1000));

        if (System.IO.Directory.Exists(indexFolder)) System.IO.Directory.Delete(indexFolder, recursive: true);
        var timer = Stopwatch.StartNew();
        using var directory = FSDirectory.Open(new DirectoryInfo(indexFolder));
        var passages = Build(directory, analyzer, similarity, BenchmarkFiles.ReadPassages(corpusPath));
        var build = timer.Elapsed.TotalSeconds;
        var bytes = new DirectoryInfo(indexFolder).EnumerateFiles().Sum(f => f.Length);

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = similarity };
        var timings = QueryTimings.Run(questions, question =>
        {
            var top = searcher.Search(Query(analyzer, question), 10);
            return [.. top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc).GetField(Number).GetInt32Value() ?? -1)];
        });
        return new EngineResult("Lucene", passages, build, passages / build, bytes, BenchmarkFiles.PeakRssBytes(),
            timings.P50Ms, timings.P95Ms, timings.P99Ms, timings.QueriesPerSecond, timings.QueriesPerSecondTwoThreads, timings.RecallAt1, timings.MrrAt10);
    }

    // Two threads, as NewsQA's build; the writer's close (merges finished) is inside the timing.
    private static int Build(Lucene.Net.Store.Directory directory, ArabicAnalyzer analyzer, Similarity similarity, IEnumerable<string> texts)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64, Similarity = similarity };
        var count = 0;
        using (var writer = new IndexWriter(directory, config))
        {
            Parallel.ForEach(texts.Select((text, i) => (text, i)), new ParallelOptions { MaxDegreeOfParallelism = 2 }, item =>
            {
                writer.AddDocument(new Document { new TextField(Text, item.text, Field.Store.YES), new StoredField(Number, item.i) });
                Interlocked.Increment(ref count);
            });
            writer.Commit();
        }

        return count;
    }

    private static BooleanQuery Query(ArabicAnalyzer analyzer, string question)
    {
        var query = new BooleanQuery();
        using var stream = analyzer.GetTokenStream(Text, question);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) query.Add(new TermQuery(new Term(Text, term.ToString())), Occur.SHOULD);
        stream.End();
        return query;
    }
}
