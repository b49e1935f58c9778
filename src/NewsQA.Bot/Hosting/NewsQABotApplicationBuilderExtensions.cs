using Microsoft.Extensions.FileProviders;
using NewsQA.Bot.Admin;
using NewsQA.Bot.BotFramework;
using NewsQA.Bot.Cluster;
using NewsQA.Bot.DirectLine;
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
        // The page and the Web Chat bundle are copied beside the program (the bundle is restored there by the build),
        // so they are served from there whatever the content root is.
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }

    public static WebApplication MapNewsQABot(this WebApplication app)
    {
        app.MapAsk();
        app.MapSources();
        app.MapDirectLine();
        app.MapBotFramework();
        app.MapArticles();
        app.MapReplication();
        return app;
    }
}
