using System.Collections.Concurrent;

namespace NewsQA.Tools.Benchmarking.Soak;

/// <summary>What the soak's clients finished since the last look: each question's outcome and latency.</summary>
internal sealed class SoakRecorder
{
    private readonly ConcurrentQueue<(bool Answered, double Milliseconds)> _finished = new();

    public void Record(bool answered, double milliseconds) => _finished.Enqueue((answered, milliseconds));

    /// <summary>Everything finished since the last call: answers, errors, and the latencies of the answers.</summary>
    public (int Answers, int Errors, List<double> Latencies) Take()
    {
        var latencies = new List<double>();
        var errors = 0;
        while (_finished.TryDequeue(out var one))
        {
            if (one.Answered) latencies.Add(one.Milliseconds);
            else errors++;
        }

        return (latencies.Count, errors, latencies);
    }
}
