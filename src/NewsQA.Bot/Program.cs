using NewsQA.Bot.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddNewsQABot();

var app = builder.Build();
app.UseNewsQABot();
app.MapNewsQABot();
app.Run();
