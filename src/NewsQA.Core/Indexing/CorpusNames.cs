using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using NewsQA.Core.Answering.Kinds;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The names every article of an index snapshot introduces (each article's, kept in its record when it was indexed),
/// with the general ones (countries, capitals): read once per snapshot, on first use.
/// </summary>
public static class CorpusNames
{
    private static readonly ConditionalWeakTable<PassageIndex, EntityLexicon> Cache = new();

    /// <summary>The snapshot's names.</summary>
    public static EntityLexicon Of(PassageIndex index) => Cache.GetValue(index, Read);

    private static EntityLexicon Read(PassageIndex index)
    {
        var fields = new HashSet<string> { IndexFields.ArticleNames };
        var lexicons = new List<EntityLexicon>();
        index.ForEachPosting(new Term(IndexFields.Kind, IndexFields.ArticleKind), (doc, _) =>
            lexicons.Add(EntityLexicon.Parse(index.Reader.Document(doc, fields).Get(IndexFields.ArticleNames))));
        return new EntityLexicon([.. lexicons.SelectMany(l => l.Names), .. EntityLexicon.General.Names]);
    }
}
