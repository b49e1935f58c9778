namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>
/// One generated request: what it is (for the failure message), and either an HTTP request or raw bytes. A raw case
/// whose framing leaves the body unfinished ends its side of the connection, and may then get no answer at all.
/// <see cref="BodyProblem"/>, when set, checks the body of a 2xx answer: what is wrong with it, or null.
/// </summary>
public sealed record FuzzCase(string Description, Func<HttpRequestMessage>? Request = null, byte[]? Raw = null, bool EndsInput = false, Func<string, string?>? BodyProblem = null);
