using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Kinds;

/// <summary>
/// What indexing keeps of an article's entities: the names it introduces (<see cref="EntityMiner"/>) and each passage's
/// recognized spans with them (<see cref="SentenceSpans.Recognize"/>), the same as those two give, in one pass. Each
/// sentence is tokenized and read with the general names once; it is read again with the article's names only where one
/// of them may start (elsewhere the two lexicons match alike). Reading every sentence twice was most of indexing's time.
/// </summary>
public static class ArticleEntities
{
    /// <summary>The article's names, and the entities of each of <paramref name="passages"/> (in order).</summary>
    public static (EntityLexicon Names, List<List<PassageEntity>> Entities) Recognize(IReadOnlyList<Passage> passages)
    {
        var read = passages.Select(p => p.Sentences.Select(s => SentenceRead.Of(p, s)).ToList()).ToList();
        var names = EntityMiner.Mine(read.SelectMany(sentences => sentences));
        var lexicon = names.With(EntityLexicon.General);
        var entities = read.Select(sentences => sentences.SelectMany(s => s.Entities(names.MayMatchIn(s.Tokens)
            ? TypedSpanFinder.Find(s.Text, s.Tokens, lexicon)
            : s.General)).ToList()).ToList();
        return (names, entities);
    }
}
