using NewsQA.Bot.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddNewsQABot();

var app = builder.Build();
app.UseNewsQABot();
app.MapNewsQABot();
var failures = app.Services.GetRequiredService<BackgroundServiceFailures>(); // Run disposes the services
try
{
    app.Run();
    return failures.ExitCode;
}
catch (Exception e) when (StartupFailure.Messages(e) is { } problems)
{
    // A setting is wrong: say which in one line rather than as a stack trace.
    foreach (var problem in problems) Console.Error.WriteLine($"error: {problem}");
    return 1;
}
