using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsQA.Core.Telemetry;

/// <summary>
/// NewsQA's own spans and metrics, in the names OpenTelemetry collects (<see cref="Name"/>). Spans carry counts,
/// languages, modes and outcomes, never the question, the prompt or the answer.
/// </summary>
public static class NewsQATelemetry
{
    public const string Name = "NewsQA";

    /// <summary>Microsoft.Extensions.AI's GenAI spans and metrics (its default source name, kept for dashboards that expect it).</summary>
    public const string GenAISource = "Experimental.Microsoft.Extensions.AI";

    public const string LanguageTag = "newsqa.language";
    public const string ModeTag = "newsqa.answer.mode";
    public const string KindTag = "newsqa.answer.kind";
    public const string RefusalTag = "newsqa.answer.refusal";
    public const string CitationsTag = "newsqa.answer.citations";
    public const string PassagesTag = "newsqa.passages";
    public const string RetrievalModeTag = "newsqa.retrieval.mode";

    /// <summary>Set to "unavailable" when the provider did not embed the question in time and the keyword leg answered alone.</summary>
    public const string DenseLegTag = "newsqa.retrieval.dense";
    /// <summary>Postings the lexical scorer stepped onto for one query (how much of the index a question cost).</summary>
    public const string PostingsTag = "newsqa.retrieval.postings";
    public const string TargetLanguageTag = "newsqa.translation.target_language";
    public const string TranslationGroupsTag = "newsqa.translation.groups";
    public const string RewrittenTag = "newsqa.translation.rewritten";
    public const string MarkersTag = "newsqa.validation.markers";
    public const string PromptTag = "newsqa.prompt";
    public const string PromptTokensTag = "newsqa.prompt.tokens";
    public const string StreamingTag = "newsqa.streaming";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Answers = Meter.CreateCounter<long>("newsqa.answers", "{answer}", "Answers given, by mode, kind and language.");

    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>("newsqa.refusals", "{answer}", "Questions declined as not answered by the articles.");

    public static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>("newsqa.answer.duration", "s", "Time from question to final answer.");

    public static readonly Gauge<long> IndexPassages = Meter.CreateGauge<long>("newsqa.index.passages", "{passage}", "Passages in the index answered from.");
}
