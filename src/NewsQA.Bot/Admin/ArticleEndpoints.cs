using Microsoft.AspNetCore.Http.HttpResults;
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
        articles.MapPost("", CreateAsync);
        articles.MapGet("/{documentId}", Get);
        articles.MapDelete("/{documentId}", DeleteAsync);
        return routes;
    }

    public static async Task<Results<Created<ArticlePayload>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, CorpusArticleWriter writer, CorpusFolder corpus, ICorpusChangeListener changes, SourceLinks links, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ArticleSubmission>(request, ct);
        if (problem is not null) return problem;
        var (article, reason) = body!.ToArticle();
        if (reason is not null) return Problems.BadRequest(reason);

        var write = await writer.WriteAsync(corpus.Path, article!, ct);
        if (!write.Written)
        {
            return Problems.Problem(StatusCodes.Status409Conflict, "Already in the corpus", write.Reason ?? "The article is in the corpus already.",
                new Dictionary<string, object?> { ["documentId"] = write.DocumentId });
        }

        // The file is written: the index catches up even if the client goes away meanwhile.
        await changes.CorpusChangedAsync([write.Path!], CancellationToken.None);
        return TypedResults.Created(links.Article(write.DocumentId), ArticlePayload.From(write.DocumentId, article!.Metadata));
    }

    public static Results<Ok<ArticlePayload>, ProblemHttpResult> Get(string documentId, CorpusFolder corpus, IOptions<CorpusOptions> options)
    {
        if (!Plausible(documentId)) return Unknown(documentId);
        var file = CorpusReader.Read(corpus.Path, [], options.Value.MaxFileBytes).FirstOrDefault(f => f.DocumentId == documentId);
        if (file is null) return Unknown(documentId);
        var parsed = ArticleLoader.Parse(file);
        return TypedResults.Ok(ArticlePayload.From(documentId, new ArticleMetadata(parsed.Title, parsed.Published, parsed.Source, parsed.Url, parsed.Language)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string documentId, CorpusArticleWriter writer, CorpusFolder corpus, ICorpusChangeListener changes, CancellationToken ct)
    {
        if (!Plausible(documentId)) return Unknown(documentId);
        var removed = await writer.DeleteAsync(corpus.Path, documentId, ct);
        if (removed.Count == 0) return Unknown(documentId);
        await changes.CorpusChangedAsync(removed, CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static bool Plausible(string documentId) => documentId.Length is > 0 and <= MaxDocumentIdChars;

    private static ProblemHttpResult Unknown(string documentId) =>
        Problems.Problem(StatusCodes.Status404NotFound, "Unknown article", $"The corpus has no article with the id '{documentId}'.");
}
