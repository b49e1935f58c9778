namespace NewsQA.Core.Embeddings;

/// <summary>
/// Stable 64-bit FNV-1a hashing of feature strings into signed vector buckets. string.GetHashCode is randomized per
/// process, which would make persisted vectors meaningless after a restart; FNV is fixed forever.
/// </summary>
public static class FeatureHasher
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hashes a namespace character and a feature's characters.</summary>
    public static ulong Hash(char featureKind, ReadOnlySpan<char> feature)
    {
        var hash = (OffsetBasis ^ featureKind) * Prime;
        foreach (var c in feature)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }

    /// <summary>Adds <paramref name="weight"/> to the feature's bucket, with a sign from the hash so collisions cancel on average.</summary>
    public static void Add(Span<float> vector, ulong hash, float weight)
    {
        var bucket = (int)(hash % (ulong)vector.Length);
        vector[bucket] += (hash >> 63) == 0 ? weight : -weight;
    }
}
