using System.CommandLine;
using System.Globalization;
using NewsQA.Cli.Output;
using NewsQA.Core.Indexing.Vectors;
using NewsQA.Tools.Benchmarking.Replica;

namespace NewsQA.Cli.Commands;

/// <summary>
/// `newsqa bench replica-vectors`: what a replica pays for a pulled revision's vector files, derived from the stored
/// vectors against shipped with the revision, and as the product does it: matrices derived, graphs fetched from the
/// indexer (docs/dense-vectors-replicas.md).
/// </summary>
public static class BenchReplicaVectorsCommand
{
    private const double Gigabit = 1e9;

    public static Command Create()
    {
        var sizes = new Option<string?>("--sizes") { Description = "Corpus sizes in vectors, comma-separated (default 20000,100000)." };
        var dimensions = new Option<int>("--dimensions") { Description = "Dimensions per vector.", DefaultValueFactory = _ => 768 };
        var exactBelow = new Option<int>("--exact-below") { Description = "Retrieval:VectorExactBelow: segments from this many vectors get an HNSW graph.", DefaultValueFactory = _ => VectorIndexSettings.DefaultExactBelow };
        var work = new Option<string>("--work") { Description = "Folder for the indexer's and the replicas' indexes (replaced at each size, left for a look).", DefaultValueFactory = _ => Path.Combine(".newsqa", "bench-replica-vectors") };
        var json = CommonOptions.Json();
        var command = new Command("replica-vectors", "Measure a replica's cost of deriving a revision's vector files against shipping them, and of fetching only the graphs.") { sizes, dimensions, exactBelow, work, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync((_, _) =>
        {
            var list = BenchCommand.ParseSizes(result.GetValue(sizes) ?? "20000,100000", quick: false);
            var dims = result.GetValue(dimensions);
            if (dims < 2) throw new UsageException("--dimensions must be at least 2");
            if (result.GetValue(exactBelow) < 1) throw new UsageException("--exact-below must be at least 1");
            var settings = new VectorIndexSettings(result.GetValue(exactBelow));
            var folder = Path.GetFullPath(result.GetValue(work)!);
            foreach (var size in list)
            {
                var measured = ReplicaVectorCost.Measure(size, dims, settings, folder);
                Console.WriteLine(result.GetValue(json) ? JsonOutput.Line(measured) : Line(measured));
            }

            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));
        return command;
    }

    private static string Line(ReplicaVectorResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Vectors,9:N0} x {r.Dimensions} ({r.Segments} segments, graphs from {r.ExactBelow:N0} vectors): pull {r.LuceneBytes / 1e6:N0} MB in {r.PullCopyMs:N0} ms; " +
        $"derive: first answer {r.DeriveFirstAnswerMs:N0} ms, graphs {r.DeriveGraphsMs:N0} ms; " +
        $"ship: {r.VectorFileBytes / 1e6:N0} MB copied in {r.ShipCopyMs:N0} ms, first answer {r.ShippedFirstAnswerMs:N0} ms, graphs {r.ShippedGraphsMs:N0} ms " +
        $"(over 1 Gbit/s {r.ShipOverLinkMs(Gigabit):N0} ms, 10 Gbit/s {r.ShipOverLinkMs(10 * Gigabit):N0} ms); " +
        $"fetch graphs ({r.GraphBytes / 1e6:N0} MB over loopback HTTP, matrices derived): first answer {r.FetchFirstAnswerMs:N0} ms, graphs {r.FetchGraphsMs:N0} ms; load {r.Load}");
}
