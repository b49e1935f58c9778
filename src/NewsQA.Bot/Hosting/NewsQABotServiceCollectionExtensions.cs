using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Admin;
using NewsQA.Bot.BotFramework;
using NewsQA.Bot.Cluster;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.DirectLine;
using NewsQA.Bot.Feeds;
using NewsQA.Bot.Watching;
using NewsQA.Core;
using NewsQA.Core.Cluster;
using NewsQA.Core.Configuration;
using NewsQA.Core.Conversations;
using NewsQA.Core.Corpus;
using NewsQA.Core.State;
using NewsQA.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsQA.Bot.Hosting;

/// <summary>Registers the bot service: core services, the start-up index, conversations, and the web endpoints' options.</summary>
public static class NewsQABotServiceCollectionExtensions
{
    public static WebApplicationBuilder AddNewsQABot(this WebApplicationBuilder builder)
    {
        // appsettings.json is the repository's shared one, copied beside the program (the content root), where the default
        // builder reads it. NEWSQA_ variables override it, and the command line overrides them, as in any ASP.NET Core host.
        var sources = builder.Configuration.Sources;
        var commandLine = sources.ToList().FindLastIndex(s => s is Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationSource);
        var variables = new Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource { Prefix = "NEWSQA_" };
        if (commandLine >= 0) sources.Insert(commandLine, variables);
        else sources.Add(variables);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        // A failed start is reported by Program in one line; the host's own log of it would repeat it as a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // ASP.NET Core logs every request's URL at Information, query string and all, and a Direct Line streamUrl
        // carries a token there; this rule comes after the configuration's, so no setting brings those lines back.
        // (The other per-request lines, routing's and the HTTP client's, are quieted in appsettings.json's Logging.)
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // Semantic Kernel logs every prompt call twice at Information, under the prompt's name ("answer"); the spans
        // and metrics carry the same (prompt and duration), and a failure is logged by the answerer.
        foreach (var prompt in Core.Prompts.PromptNames.Required) builder.Logging.AddFilter(prompt, LogLevel.Warning);
        var services = builder.Services;
        services.AddNewsQA(builder.Configuration);
        services.AddNewsQATelemetry("newsqa-bot", t => t.AddAspNetCoreInstrumentation(), m => m.AddAspNetCoreInstrumentation());
        services.AddOptions<BotHostOptions>().BindConfiguration(BotHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BackgroundServiceFailures>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundServiceFailures>());
        // Every 4xx is a problem details body with its reason; JSON is written with the one configuration (JsonBody).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Explain);
        services.ConfigureHttpJsonOptions(o => JsonBody.Configure(o.SerializerOptions));
        services.AddSingleton<SourceLinks>();
        // A query value that does not bind (?watermark=abc) is the caller's mistake: 400, in Development too.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var committedSigningKey = CommittedSetting($"{DirectLineOptions.SectionName}:{nameof(DirectLineOptions.TokenSigningKey)}");
        services.AddSingleton<IValidateOptions<DirectLineOptions>>(sp => new DirectLineSigningKeyCheck(sp.GetRequiredService<IOptions<RedisOptions>>(), committedSigningKey));
        services.AddOptions<BotCredentialsOptions>().Bind(builder.Configuration); // Azure Bot Service's top-level keys
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(BotFrameworkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient();
        services.AddConnectorHttpClient();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<ChannelAuthenticator>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<BotFrameworkReplies>();
        services.AddHostedService<AnonymousModeWarning>();
        services.AddHostedService<StartupLog>();
        services.AddSingleton<IndexHolder>();
        services.AddSingleton<ActivityResponder>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineBot>();
        services.AddNewsQABotState();
        services.AddHostedService<IndexLoader>();
        services.AddNewsQALiveNews(builder.Configuration);
        services.AddNewsQACluster();
        return builder;
    }

    // Cluster:Role: Standalone (the default) uses none of this; an indexer publishes its commits and applies the admin
    // stream; a replica pulls the indexer's revisions. Each service below checks the role and does nothing otherwise.
    private static void AddNewsQACluster(this IServiceCollection services)
    {
        var committedSecret = CommittedSetting($"{ClusterOptions.SectionName}:{nameof(ClusterOptions.Secret)}");
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>>(sp => new ClusterSettingsCheck(sp.GetRequiredService<IOptions<RedisOptions>>(), committedSecret));
        services.AddSingleton<IndexPublisher>();
        services.AddSingleton<RevisionNudges>();
        services.AddSingleton<AdminArticleStream>();
        services.AddSingleton<ClusterSecretFilter>();
        services.AddHostedService<RevisionAnnouncer>();
        services.AddHostedService<ReplicaIndexService>();
        services.AddHostedService<AdminArticleConsumer>();
    }

    // Turns, and the state they share: conversations and Direct Line kept in the process, or in Redis for every process
    // that names the same server (Redis:Configuration), by one switch; the stores are made when first resolved, so that
    // every configuration source counts. The Redis connection is checked before the index is loaded.
    private static void AddNewsQABotState(this IServiceCollection services)
    {
        services.AddHostedService<RedisStartupCheck>();
        services.AddExceptionHandler<StateStoreUnavailable>();
        services.AddSingleton<TurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnQueue>());
        services.AddSingleton<TurnHandler>();
        services.AddSingleton<DirectLineHub>();
        services.AddHostedService<RedisDirectLineEvents>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BotHostOptions>>().Value;
            var turns = sp.GetRequiredService<IOptions<AnsweringOptions>>().Value.HistoryTurns;
            return new ConversationLimits(o.MaxConversations, TimeSpan.FromMinutes(o.ConversationIdleMinutes), turns, o.MaxConversationBytes, o.MaxTotalConversationBytes);
        });
        services.AddSingleton<IConversationStore>(sp => Shared(sp)
            ? ActivatorUtilities.CreateInstance<RedisConversationStore>(sp)
            : ActivatorUtilities.CreateInstance<ConversationStore>(sp));
        services.AddSingleton<IDirectLineStore>(sp => Shared(sp)
            ? ActivatorUtilities.CreateInstance<RedisDirectLineStore>(sp)
            : ActivatorUtilities.CreateInstance<InMemoryDirectLineStore>(sp));
    }

    private static bool Shared(IServiceProvider services) => services.GetRequiredService<IOptions<RedisOptions>>().Value.Enabled;

    // A setting in the committed appsettings.json, read to refuse secrets there.
    private static string? CommittedSetting(string key) =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true).Build()[key];

    // Feeds polled into the corpus folder, the admin API, and the running index following the folder's changes (the watcher).
    private static void AddNewsQALiveNews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CorpusFolder>();
        services.AddOptions<WatcherOptions>().BindConfiguration(WatcherOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CorpusWatcher>();
        services.Replace(ServiceDescriptor.Singleton<ICorpusChangeListener>(sp => sp.GetRequiredService<CorpusWatcher>()));
        services.AddHostedService(sp => sp.GetRequiredService<CorpusWatcher>()); // after IndexLoader, which starts it
        services.AddHostedService<OwnAddresses>(); // before the first poll: the service never fetches from itself
        services.AddHostedService<FeedPollingService>(); // after IndexLoader: the first poll finds the index loaded
        // The admin key is a secret: a key in the committed appsettings.json stops start-up instead of being used.
        var committedKey = CommittedSetting($"{AdminOptions.SectionName}:{nameof(AdminOptions.ApiKey)}");
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations()
            .Validate(_ => string.IsNullOrEmpty(committedKey), "Admin:ApiKey is a secret: set it in the environment (NEWSQA_Admin__ApiKey), not in appsettings.json. See docs/live-news.md, Admin API")
            .ValidateOnStart();
        services.AddSingleton<AdminKeyFilter>();
    }
}
