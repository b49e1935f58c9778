using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Configuration;
using NewsQA.Core.Corpus;
using NewsQA.Core.Ingestion;

namespace NewsQA.Bot.Admin;

/// <summary>
/// The admin API over the corpus folder: POST /api/articles writes an article into it (201 with its document id),
/// GET and DELETE /api/articles/{documentId} read and remove one. The running index follows each change before the
/// response is sent, so a 201 means the article is answerable. Behind <see cref="AdminKeyFilter"/>.
/// </summary>
public static class ArticleEndpoints
{
    private const int MaxDocumentIdChars = 255;

    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder routes)
    {
        var articles = routes.MapGroup("/api/articles").AddEndpointFilter<AdminKeyFilter>();

        articles.MapPost("", async (HttpRequest request, CorpusArticleWriter writer, CorpusFolder corpus, ICorpusChangeListener changes, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<ArticleSubmission>(request, ct);
            if (problem is not null) return problem;
            var (article, reason) = body!.ToArticle();
            if (reason is not null) return JsonBody.BadRequest(reason);

            var write = await writer.WriteAsync(corpus.Path, article!, ct);
            if (!write.Written)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already in the corpus", detail: write.Reason,
                    extensions: new Dictionary<string, object?> { ["documentId"] = write.DocumentId });
            }

            // The file is written: the index catches up even if the client goes away meanwhile.
            await changes.CorpusChangedAsync([write.Path!], CancellationToken.None);
            return Results.Created($"/api/articles/{Uri.EscapeDataString(write.DocumentId)}", Describe(write.DocumentId, article!.Metadata));
        });

        articles.MapGet("/{documentId}", (string documentId, CorpusFolder corpus, IOptions<CorpusOptions> options) =>
        {
            if (!Plausible(documentId)) return Unknown(documentId);
            var file = CorpusReader.Read(corpus.Path, [], options.Value.MaxFileBytes).FirstOrDefault(f => f.DocumentId == documentId);
            if (file is null) return Unknown(documentId);
            var parsed = ArticleLoader.Parse(file);
            return Results.Json(Describe(documentId, new ArticleMetadata(parsed.Title, parsed.Published, parsed.Source, parsed.Url, parsed.Language)), JsonBody.Options);
        });

        articles.MapDelete("/{documentId}", async (string documentId, CorpusArticleWriter writer, CorpusFolder corpus, ICorpusChangeListener changes, CancellationToken ct) =>
        {
            if (!Plausible(documentId)) return Unknown(documentId);
            var removed = await writer.DeleteAsync(corpus.Path, documentId, ct);
            if (removed.Count == 0) return Unknown(documentId);
            await changes.CorpusChangedAsync(removed, CancellationToken.None);
            return Results.NoContent();
        });
        return routes;
    }

    private static bool Plausible(string documentId) => documentId.Length is > 0 and <= MaxDocumentIdChars;

    private static IResult Unknown(string documentId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown article", detail: $"The corpus has no article with the id '{documentId}'.");

    private static object Describe(string documentId, ArticleMetadata metadata) => new
    {
        documentId,
        title = metadata.Title,
        published = metadata.Published is { } date ? PublishedDate.Format(date) : null,
        source = metadata.Source,
        url = metadata.Url,
        language = metadata.Language,
    };
}
