using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Kinds;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>
/// The short answer that leads a factoid answer: <see cref="Text"/> for the reader (for an English reader of Arabic
/// articles: Western digits, English month names, a name in Latin letters), <see cref="Original"/> as the article
/// writes it, the marker of the citation it comes from, its kind, whether <see cref="Text"/> is a transliteration, and
/// <see cref="Confidence"/>, the calibrated probability that it is right (models/short-answer-gate.json).
/// </summary>
public sealed record ShortAnswer(string Text, string Original, int Citation, SpanKind? Kind, bool Transliterated, double Confidence);
