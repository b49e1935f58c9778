namespace NewsQA.Core.Tests.Support;

/// <summary>Progress reported on the reporting thread, at once (Progress&lt;T&gt; posts to the thread pool, after the fact).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
