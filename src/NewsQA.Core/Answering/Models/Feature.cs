namespace NewsQA.Core.Answering.Models;

/// <summary>One feature of a linear model: its name, as the model file lists it, and how it is computed from what was read.</summary>
public sealed record Feature<T>(string Name, Func<T, double> Compute);
