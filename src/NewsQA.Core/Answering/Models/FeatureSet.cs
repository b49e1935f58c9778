namespace NewsQA.Core.Answering.Models;

/// <summary>
/// The named features a linear model weighs, in order: each name beside its computation, so that the vector and the
/// names a model file is checked against (<see cref="LinearModel.Load"/>) cannot drift apart.
/// </summary>
public sealed class FeatureSet<T>
{
    private readonly Feature<T>[] _features;

    public FeatureSet(params Feature<T>[] features)
    {
        _features = features;
        Names = [.. features.Select(f => f.Name)];
        var repeated = Names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"Feature {repeated.Key} is named twice.", nameof(features));
    }

    /// <summary>The features' names, in the order <see cref="Compute"/> returns their values.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The feature vector of one reading.</summary>
    public double[] Compute(T reading)
    {
        var values = new double[_features.Length];
        for (var i = 0; i < values.Length; i++) values[i] = _features[i].Compute(reading);
        return values;
    }
}
