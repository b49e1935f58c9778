namespace NewsQA.Core.Text;

/// <summary>One word of a text: its position, its normalized surface form and its script.</summary>
public readonly record struct Token(int Start, int Length, string Normalized, bool IsArabic);
