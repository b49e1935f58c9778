namespace NewsQA.Core.Retrieval;

/// <summary>Which legs retrieval uses: both fused (the product default), or one alone for comparison.</summary>
public enum RetrievalMode
{
    Hybrid,
    Keyword,
    Vector,
}
