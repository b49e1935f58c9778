using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Rest;

/// <summary>
/// GET /sources/{passageId}?start=S&amp;length=L: the cited paragraph in full with its article title, source,
/// publication date and link (those the article has), the cited sentence highlighted, right-to-left for Arabic; JSON
/// instead of a page when the client accepts JSON. A span that does not fit the paragraph is not highlighted; a
/// negative one, or one that is not a number, gets 400.
/// </summary>
public static class SourceEndpoints
{
    public static IEndpointRouteBuilder MapSources(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(SourceLinks.SourcePageRoute, Source);
        return routes;
    }

    public static Results<Ok<SourcePayload>, ContentHttpResult, ProblemHttpResult> Source(
        string passageId, string? start, string? length, HttpRequest request, IndexHolder index)
    {
        using var lease = index.TryAcquire();
        if (lease is null) return Problems.IndexLoading();
        if (!TryOffset(start, out var s) || !TryOffset(length, out var l)) return Problems.BadRequest("start and length are character offsets: whole numbers from 0.");
        var highlight = s is not null && l is not null ? new SentenceSpan(s.Value, l.Value) : (SentenceSpan?)null;
        var view = SourceViewer.View(lease.Index, passageId, highlight);
        if (view is null) return Problems.Problem(StatusCodes.Status404NotFound, "Unknown source", $"No passage has the id '{passageId}'.");
        return request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true)
            ? TypedResults.Ok(SourcePayload.From(view))
            : TypedResults.Content(Page(view), "text/html; charset=utf-8");
    }

    private static bool TryOffset(string? text, out int? offset)
    {
        offset = null;
        if (text is null) return true;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)) return false;
        offset = value;
        return true;
    }

    private static string Page(SourceView view)
    {
        var p = view.Passage;
        var rtl = LanguageDetector.DetectAnswerLanguage(p.Text) == TextLanguage.Arabic;
        var body = view.Highlight is { } h
            ? $"{Encode(p.Text[..h.Start])}<mark>{Encode(p.Text.Substring(h.Start, h.Length))}</mark>{Encode(p.Text[h.End..])}"
            : Encode(p.Text);
        var label = rtl ? "الفقرة" : "Paragraph";
        var source = view.Source is null ? string.Empty : $"<p class=\"source\">{(rtl ? "المصدر" : "Source")}: {Encode(view.Source)}</p>";
        var language = rtl ? TextLanguage.Arabic : TextLanguage.English;
        var published = view.Article?.Published is { } date
            ? $"<p class=\"published\">{(rtl ? "تاريخ النشر" : "Published")}: <time datetime=\"{PublishedDate.Format(date)}\">{Encode(AnswerDates.Format(date, language))}</time></p>"
            : string.Empty;
        var link = view.Article?.Url is { } url
            ? $"<p class=\"link\"><a href=\"{Encode(url)}\" rel=\"noopener noreferrer\">{(rtl ? "اقرأ المقال" : "Read the article")}</a></p>"
            : string.Empty;
        return $$"""
            <!doctype html>
            <html lang="{{(rtl ? "ar" : "en")}}" dir="{{(rtl ? "rtl" : "ltr")}}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{Encode(p.Title)}}</title>
            <style>body{font-family:system-ui,"Noto Naskh Arabic",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.8}mark{background:#fff2a8;padding:.1em 0}.meta,.source,.published{color:#555}</style></head>
            <body><h1>{{Encode(p.Title)}}</h1><p class="meta">{{label}} {{p.Paragraph}}</p><p class="paragraph">{{body}}</p>{{source}}{{published}}{{link}}</body></html>
            """;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
