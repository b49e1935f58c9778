using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsQA.Core.Indexing.Analysis;

/// <summary>
/// NewsQA's analysis as a Lucene token stream: the terms of one field of a passage, analyzed once for both fields
/// (<see cref="PassageTerms"/>) and counted first (a passage's exact lengths and vector norm are stored beside it, and
/// Lucene takes stored values before it reads a field's tokens). Going through Lucene.Net's analyzer plumbing instead
/// (a Tokenizer and TokenFilters per field) measured 2 to 5 times slower for the same terms.
/// </summary>
public sealed class TermListStream : TokenStream
{
    private readonly IReadOnlyList<string> _terms;
    private readonly ICharTermAttribute _term;
    private int _next;

    public TermListStream(IReadOnlyList<string> terms)
    {
        _terms = terms;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _terms.Count) return false;
        ClearAttributes();
        _term.SetEmpty().Append(_terms[_next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
