using NewsQA.Core.Answering.Grounding;

namespace NewsQA.Core.Answering.Payloads;

/// <summary>
/// The short answer in <see cref="AnswerPayload"/>: the text for the reader, the span as the article writes it, the
/// citation marker it comes from, its kind (person, number, time, place, organization; absent for another span), and
/// <c>transliterated: true</c> when the text is a name written in Latin letters, and its confidence (the calibrated
/// probability that it is right).
/// </summary>
public sealed record ShortAnswerPayload(string Text, string Original, int Citation, string? Type, bool? Transliterated, double Confidence);
