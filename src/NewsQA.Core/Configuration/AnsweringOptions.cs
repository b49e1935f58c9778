using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Answering": how answers are composed and when the bot declines.</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>Passages retrieved for a factoid question (numbered [1]..[n] for a language model).</summary>
    [Range(1, 20)]
    public int Passages { get; set; } = 5;

    /// <summary>
    /// Below this evidence (the share of the question's idf-weighted terms found in the best sentence) the answer is a
    /// refusal. Measured on the seed questions (README, Refusals): off-topic questions reach at most 0.19, answerable
    /// ones at least 0.34; 0.25 is about midway, rounded toward answering.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinEvidence { get; set; } = 0.25;

    /// <summary>Most bullets in an extractive summary (at least three are given when the articles have them).</summary>
    [Range(3, 12)]
    public int SummaryBullets { get; set; } = 5;

    /// <summary>Passages a topic summary draws its sentences from.</summary>
    [Range(3, 50)]
    public int SummaryPassages { get; set; } = 8;

    /// <summary>Turns of history kept for follow-ups.</summary>
    [Range(1, 50)]
    public int HistoryTurns { get; set; } = 6;
}
