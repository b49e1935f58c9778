using System.Numerics.Tensors;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// Deterministic stand-ins for a text-embedding model's vectors, shaped like them rather than like uniform noise: unit
/// vectors drawn from a Gaussian mixture of a few thousand topics of uneven size and spread around a direction all of
/// them share (real embeddings are anisotropic: two unrelated texts still score a cosine of about 0.1 to 0.3). Queries
/// are perturbed copies of held-back points, never in the corpus, so a query has close neighbours but no twin.
/// Every vector is a function of (seed, number) alone.
/// </summary>
public sealed class ClusteredVectors
{
    private const int CentreStream = 1;
    private const int PointStream = 2;
    private const int HeldBackStream = 3;
    private const int QueryNoiseStream = 4;
    private const int SharedStream = 5;

    // Weight of the direction every topic shares: with it, unrelated points score a cosine of about 0.15.
    private const double SharedWeight = 0.45;

    // A query is its held-back point moved by about a third of a topic's spread: the same topic, not the same text.
    private const double QueryNoise = 0.3;

    private readonly int _seed;
    private readonly float[][] _centres;
    private readonly float[] _spreads;

    public ClusteredVectors(int dimensions, int seed, int clusters = 2000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1);
        Dimensions = dimensions;
        _seed = seed;
        var sharedRandom = new SplitMix(SplitMix.Seed(seed, SharedStream, 0));
        var shared = Normalized(Gaussian(ref sharedRandom, 1.0));
        _centres = new float[clusters][];
        _spreads = new float[clusters];
        for (var c = 0; c < clusters; c++)
        {
            var random = new SplitMix(SplitMix.Seed(seed, CentreStream, c));
            var centre = Normalized(Gaussian(ref random, 1.0));
            TensorPrimitives.MultiplyAdd(shared, (float)SharedWeight, centre, centre);
            _centres[c] = Normalized(centre);
            // A point's cosine to its topic's centre ranges from about 0.75 (broad topics) to 0.9 (narrow ones).
            _spreads[c] = (float)(0.5 + (0.4 * random.NextUnit()));
        }
    }

    public int Dimensions { get; }

    /// <summary>The corpus vector with this number; the first n of them are the corpus of size n.</summary>
    public float[] Point(long number) => Sample(new SplitMix(SplitMix.Seed(_seed, PointStream, number)));

    /// <summary>Query number <paramref name="number"/>: a held-back point of the same mixture, perturbed.</summary>
    public float[] Query(int number)
    {
        var point = Sample(new SplitMix(SplitMix.Seed(_seed, HeldBackStream, number)));
        var random = new SplitMix(SplitMix.Seed(_seed, QueryNoiseStream, number));
        var noise = Gaussian(ref random, QueryNoise / Math.Sqrt(Dimensions));
        TensorPrimitives.Add(point, noise, point);
        return Normalized(point);
    }

    private float[] Sample(SplitMix random)
    {
        // The generator is a struct: it is passed by reference so that each draw continues the same stream.
        // Topic sizes fall off like a power law, as news does: a few topics hold much of the corpus.
        var u = random.NextUnit();
        var c = Math.Min(_centres.Length - 1, (int)(_centres.Length * u * u));
        var vector = Gaussian(ref random, _spreads[c] / Math.Sqrt(Dimensions));
        TensorPrimitives.Add(vector, _centres[c], vector);
        return Normalized(vector);
    }

    private float[] Gaussian(ref SplitMix random, double scale)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i += 2)
        {
            var (a, b) = random.NextGaussians();
            vector[i] = (float)(a * scale);
            if (i + 1 < vector.Length) vector[i + 1] = (float)(b * scale);
        }

        return vector;
    }

    private static float[] Normalized(float[] vector)
    {
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
