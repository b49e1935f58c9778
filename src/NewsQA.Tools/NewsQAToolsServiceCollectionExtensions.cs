using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsQA.Tools.Benchmarking;
using NewsQA.Tools.Evaluation;

namespace NewsQA.Tools;

/// <summary>Registers the developer tools (evaluators, model training, benchmark) over the core services; only the CLI calls it.</summary>
public static class NewsQAToolsServiceCollectionExtensions
{
    public static IServiceCollection AddNewsQATools(this IServiceCollection services)
    {
        services.TryAddSingleton<RetrievalEvaluator>();
        services.TryAddSingleton<AnswerEvaluator>();
        services.TryAddSingleton<SeedAnswerEvaluator>();
        services.TryAddSingleton<NewsQABenchmark>();
        services.TryAddSingleton<AnswerabilityTrainer>();
        services.TryAddSingleton<ShortAnswerTrainer>();
        services.TryAddSingleton<ShortAnswerGateTrainer>();
        services.TryAddSingleton<QuestionAsker>();
        return services;
    }
}
