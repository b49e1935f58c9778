using NewsQA.Bot.Rest;

namespace NewsQA.Bot.Hosting;

/// <summary>The bot service's middleware and endpoints.</summary>
public static class NewsQABotApplicationBuilderExtensions
{
    public static WebApplication UseNewsQABot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseWebSockets();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapNewsQABot(this WebApplication app)
    {
        app.MapAsk();
        app.MapSources();
        return app;
    }
}
