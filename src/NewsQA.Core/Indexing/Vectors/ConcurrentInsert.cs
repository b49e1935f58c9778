using System.Collections.Concurrent;
using System.Reflection;
using Cloud.Unum.USearch;

namespace NewsQA.Core.Indexing.Vectors;

/// <summary>
/// Adds vectors to a USearch graph from several threads at once. USearch's native index takes concurrent adds into
/// room reserved up front (one thread context per core), but the 2.26.6 C# binding grows the index inside every
/// <c>Add</c> call and keeps that growth private, so it is reserved here once, through the binding's own
/// <c>CheckIncreaseCapacity</c>, before the threads start; no add then grows the index while another runs. Should a
/// later binding drop that method, the adds run on one thread, a range at a time.
/// </summary>
public static class ConcurrentInsert
{
    // Rows per range handed to a thread: large enough that scheduling costs nothing next to the inserts.
    private const int RangeRows = 256;

    private static readonly MethodInfo? Reserve =
        typeof(USearchIndex).GetMethod("CheckIncreaseCapacity", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(ulong)]);

    /// <summary>Whether adds can run on more than one thread with this binding.</summary>
    public static bool Available => Reserve is not null;

    /// <summary>
    /// Adds the vectors <paramref name="row"/> gives for 0 to <paramref name="count"/> - 1 (key and vector) on up to
    /// <paramref name="threads"/> threads, after reserving room in <paramref name="index"/> for them.
    /// </summary>
    public static void Add(USearchIndex index, int count, Func<int, (ulong Key, float[] Vector)> row, int threads, CancellationToken cancellationToken)
    {
        if (Reserve is null)
        {
            // The binding's batch add reserves a range's room at once (one add at a time would grow the index by one).
            for (var from = 0; from < count; from += RangeRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = Enumerable.Range(from, Math.Min(count, from + RangeRows) - from).Select(row).ToArray();
                index.Add([.. rows.Select(r => r.Key)], [.. rows.Select(r => r.Vector)]);
            }

            return;
        }

        Reserve.Invoke(index, [(ulong)count]);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
        Parallel.ForEach(Partitioner.Create(0, count, RangeRows), options, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var (key, vector) = row(i);
                index.Add(key, vector);
            }
        });
    }
}
