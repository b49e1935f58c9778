using NewsQA.Core.Embeddings;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Embeddings;

public class EmbeddingCacheTests
{
    [Fact]
    public void AVectorKept_IsFoundAfterReopening()
    {
        using var temp = new TempFolder();
        var path = EmbeddingCache.PathFor(temp.Path, "OpenAI/text-embedding-3-small-native");
        var key = EmbeddingCache.KeyOf("نص الفقرة");
        using (var cache = EmbeddingCache.Open(path)) cache.Add([(key, new float[] { 0.5f, -1f, 2f })]);

        using var reopened = EmbeddingCache.Open(path);

        Assert.Equal([0.5f, -1f, 2f], reopened.Find(key)!);
        Assert.Null(reopened.Find(EmbeddingCache.KeyOf("another text")));
        Assert.Equal(Path.Combine(temp.Path, "vectors", "embeddings-OpenAI_text-embedding-3-small-native.bin"), path);
    }

    [Fact]
    public void ARecordCutShortByAKilledRun_IsDropped_AndAppendsContinueCleanly()
    {
        using var temp = new TempFolder();
        var path = EmbeddingCache.PathFor(temp.Path, "m");
        var (a, b, c) = (EmbeddingCache.KeyOf("a"), EmbeddingCache.KeyOf("b"), EmbeddingCache.KeyOf("c"));
        using (var cache = EmbeddingCache.Open(path)) cache.Add([(a, new float[] { 1f, 2f }), (b, new float[] { 3f, 4f })]);
        using (var file = new FileStream(path, FileMode.Open)) file.SetLength(file.Length - 3); // b's last float half written

        using (var cache = EmbeddingCache.Open(path))
        {
            Assert.Equal(1, cache.Count);
            Assert.Null(cache.Find(b));
            cache.Add([(c, new float[] { 5f, 6f })]);
        }

        using var reopened = EmbeddingCache.Open(path);
        Assert.Equal([1f, 2f], reopened.Find(a)!);
        Assert.Equal([5f, 6f], reopened.Find(c)!);
    }
}
