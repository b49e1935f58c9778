using NewsQA.Core.Indexing;

namespace NewsQA.Bot.Hosting;

/// <summary>The index the service answers from; set once the start-up indexing has finished.</summary>
public sealed class IndexHolder
{
    private volatile PassageIndex? _index;

    public PassageIndex? Current => _index;

    public bool Ready => _index is not null;

    public void Set(PassageIndex index) => _index = index;
}
