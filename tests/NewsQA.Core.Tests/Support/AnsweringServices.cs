using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Answering;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Tests.Support;

/// <summary>The real service graph (AddNewsQA) over the seed corpus (or another), optionally with a fake chat client at the AI seam.</summary>
public sealed class AnsweringServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TempFolder _temp = new();

    private AnsweringServices(ServiceProvider provider) => _provider = provider;

    private LiveIndex Live { get; set; } = null!;

    // The tests read one snapshot throughout, as one request does.
    private IndexLease Lease { get; set; } = null!;

    public PassageIndex Index => Lease.Index;

    public AnswerService Answers => _provider.GetRequiredService<AnswerService>();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>The services over the seed corpus, or over <paramref name="corpus"/>; with <paramref name="clock"/> as the time.</summary>
    public static async Task<AnsweringServices> CreateAsync(IChatClient? chat = null, Dictionary<string, string?>? settings = null, string? corpus = null, TimeProvider? clock = null)
    {
        var values = new Dictionary<string, string?>();
        if (chat is not null)
        {
            values["AI:Provider"] = "OpenAICompatible";
            values["AI:Endpoint"] = "http://127.0.0.1:9/";
            values["AI:ChatModel"] = "fake";
        }

        foreach (var (key, value) in settings ?? []) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        if (clock is not null) services.AddSingleton(clock);
        if (chat is not null) services.AddSingleton(chat);
        services.AddNewsQA(configuration);
        if (chat is not null) services.AddSingleton(chat); // the fake wins over the provider's client
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var created = new AnsweringServices(provider);
        created.Live = (await provider.GetRequiredService<CorpusIndexer>().UpdateAsync(corpus ?? SeedCorpus.Folder, created._temp.File("index"))).Live;
        created.Lease = created.Live.Acquire();
        return created;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Lease.Dispose();
        Live.Dispose();
        _temp.Dispose();
    }
}
