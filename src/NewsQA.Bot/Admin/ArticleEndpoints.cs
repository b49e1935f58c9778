using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Cluster;
using NewsQA.Core.Configuration;
using NewsQA.Core.Corpus;
using NewsQA.Core.Ingestion;

namespace NewsQA.Bot.Admin;

/// <summary>
/// The admin API over the corpus folder: POST /api/articles writes an article into it (201 with its document id),
/// GET and DELETE /api/articles/{documentId} read and remove one. The running index follows each change before the
/// response is sent, so a 201 means the article is answerable. In a cluster (Cluster:Role Indexer or Replica), on any
/// process, a change is handed to the indexer through the admin stream (<see cref="AdminArticleStream"/>) and answered
/// 202 with the entry's id: accepted, not yet indexed; GET reads the article from the index the process answers from.
/// Behind <see cref="AdminKeyFilter"/>.
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

    public static async Task<Results<Created<ArticlePayload>, Accepted<AcceptedChange>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, CorpusArticleWriter writer, CorpusFolder corpus, ICorpusChangeListener changes, SourceLinks links,
        IOptions<ClusterOptions> cluster, AdminArticleStream stream, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ArticleSubmission>(request, ct);
        if (problem is not null) return problem;
        var (article, reason) = body!.ToArticle();
        if (reason is not null) return Problems.BadRequest(reason);
        if (cluster.Value.Clustered)
        {
            var id = await stream.AddArticleAsync(System.Text.Json.JsonSerializer.Serialize(body, JsonBody.Options));
            return TypedResults.Accepted((string?)null, AcceptedChange.For(id));
        }

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

    public static Results<Ok<ArticlePayload>, ProblemHttpResult> Get(
        string documentId, CorpusFolder corpus, IOptions<CorpusOptions> options, IOptions<ClusterOptions> cluster, IndexHolder index)
    {
        if (!Plausible(documentId)) return Unknown(documentId);
        if (cluster.Value.Clustered) return Indexed(documentId, index);
        var file = CorpusReader.Read(corpus.Path, [], options.Value.MaxFileBytes).FirstOrDefault(f => f.DocumentId == documentId);
        if (file is null) return Unknown(documentId);
        var parsed = ArticleLoader.Parse(file);
        return TypedResults.Ok(ArticlePayload.From(documentId, new ArticleMetadata(parsed.Title, parsed.Published, parsed.Source, parsed.Url, parsed.Language)));
    }

    public static async Task<Results<NoContent, Accepted<AcceptedChange>, ProblemHttpResult>> DeleteAsync(
        string documentId, CorpusArticleWriter writer, CorpusFolder corpus, ICorpusChangeListener changes,
        IOptions<ClusterOptions> cluster, IndexHolder index, AdminArticleStream stream, CancellationToken ct)
    {
        if (!Plausible(documentId)) return Unknown(documentId);
        if (cluster.Value.Clustered)
        {
            if (Indexed(documentId, index).Result is ProblemHttpResult unknown) return unknown;
            return TypedResults.Accepted((string?)null, AcceptedChange.For(await stream.RemoveArticleAsync(documentId)));
        }
        var removed = await writer.DeleteAsync(corpus.Path, documentId, ct);
        if (removed.Count == 0) return Unknown(documentId);
        await changes.CorpusChangedAsync(removed, CancellationToken.None);
        return TypedResults.NoContent();
    }

    // A cluster process has no corpus folder of its own to read: the article as the index it answers from lists it.
    private static Results<Ok<ArticlePayload>, ProblemHttpResult> Indexed(string documentId, IndexHolder index)
    {
        using var lease = index.TryAcquire();
        if (lease is null) return Problems.IndexLoading();
        if (lease.Index.FindArticle(documentId) is not { } found) return Unknown(documentId);
        return TypedResults.Ok(ArticlePayload.From(documentId, new ArticleMetadata(found.Title, found.Published, found.Source, found.Url, found.Language)));
    }

    private static bool Plausible(string documentId) => documentId.Length is > 0 and <= MaxDocumentIdChars;

    private static ProblemHttpResult Unknown(string documentId) =>
        Problems.Problem(StatusCodes.Status404NotFound, "Unknown article", $"The corpus has no article with the id '{documentId}'.");
}
