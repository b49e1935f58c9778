using System.Text.Json;

namespace NewsQA.Bench.TextVectors;

/// <summary>
/// The English questions of XQuAD (SQuAD format), in file order: used only as query texts for a recall measurement
/// against an exact top 10, never to tune anything.
/// </summary>
public static class XQuadQuestions
{
    public static List<string> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return
        [
            .. document.RootElement.GetProperty("data").EnumerateArray()
                .SelectMany(article => article.GetProperty("paragraphs").EnumerateArray())
                .SelectMany(paragraph => paragraph.GetProperty("qas").EnumerateArray())
                .Select(qa => string.Join(' ', qa.GetProperty("question").GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
                .Where(q => q.Length > 0),
        ];
    }
}
