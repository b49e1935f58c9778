using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Providers;

namespace NewsQA.Bot.Hosting;

/// <summary>Says once, at start-up, what answers (provider and model), what embeds, and which corpus and index are used.</summary>
public sealed partial class StartupLog(IOptions<AIOptions> ai, CorpusFolder corpus, IOptions<IndexOptions> index, ILogger<StartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = ai.Value;
        var answers = settings.Provider == AIProvider.Local ? "the offline answerer (AI:Provider Local)" : $"{settings.Provider} model {settings.ChatModel}";
        var embeddings = settings.Provider != AIProvider.Local && !string.IsNullOrWhiteSpace(settings.EmbeddingModel)
            ? $"{settings.Provider} model {settings.EmbeddingModel}"
            : "none (the lexical vector leg)";
        LogStarting(logger, answers, embeddings, corpus.Path, Path.GetFullPath(index.Value.Path));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Answers by {Answers}; embeddings: {Embeddings}; corpus {Corpus}; index {Index}")]
    private static partial void LogStarting(ILogger logger, string answers, string embeddings, string corpus, string index);
}
