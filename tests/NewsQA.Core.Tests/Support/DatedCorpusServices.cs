using Microsoft.Extensions.Time.Testing;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Support;

/// <summary>
/// The real services over the small dated corpus (<see cref="DatedArticles"/>), built once per test class that
/// shares it (the tests only read it). Today is Monday 20 February 2023: "last week" is 13 to 19 February, which holds
/// the newer English article.
/// </summary>
public sealed class DatedCorpusServices : IAsyncLifetime
{
    private readonly TempFolder _temp = new();

    public static readonly DateTimeOffset Today = new(2023, 2, 20, 12, 0, 0, TimeSpan.Zero);

    public AnsweringServices Services { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Services = await AnsweringServices.CreateAsync(corpus: DatedArticles.WriteTo(_temp.File("corpus")), clock: new FakeTimeProvider(Today));

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        _temp.Dispose();
    }
}
