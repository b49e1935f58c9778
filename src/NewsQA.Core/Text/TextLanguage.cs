namespace NewsQA.Core.Text;

/// <summary>The language of a text as told by its script.</summary>
public enum TextLanguage
{
    Unknown,
    Arabic,
    English,
    Mixed,
}
