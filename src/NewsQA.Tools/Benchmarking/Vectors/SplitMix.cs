namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded generator whose stream depends on its seed alone, so every
/// vector can be computed on its own, on any thread, in any order, and come out the same on every machine.
/// </summary>
internal struct SplitMix(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A seed for the stream of one item of one kind (centre, point, query).</summary>
    public static ulong Seed(int seed, int stream, long item) => Mix(Mix((ulong)(uint)seed ^ ((ulong)stream << 32)) ^ (ulong)item);

    public ulong Next() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform in (0, 1]: never 0, so its logarithm is finite.</summary>
    public double NextUnit() => ((Next() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Two independent standard normal values (Box and Muller).</summary>
    public (double, double) NextGaussians()
    {
        var radius = Math.Sqrt(-2 * Math.Log(NextUnit()));
        var angle = 2 * Math.PI * NextUnit();
        return (radius * Math.Cos(angle), radius * Math.Sin(angle));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
