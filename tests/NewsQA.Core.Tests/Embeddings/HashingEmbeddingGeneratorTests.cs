using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using NewsQA.Core.Embeddings;

namespace NewsQA.Core.Tests.Embeddings;

public class HashingEmbeddingGeneratorTests
{
    private readonly HashingEmbeddingGenerator _generator = new(1024);

    private float Similarity(string a, string b) => TensorPrimitives.Dot(_generator.Embed(a), _generator.Embed(b));

    [Fact]
    public async Task Generate_ReturnsUnitVectorsOfConfiguredSize()
    {
        var embeddings = await _generator.GenerateAsync(["انسحاب القوات الأمريكية من العراق", "coalition troops"]);
        Assert.All(embeddings, e =>
        {
            Assert.Equal(1024, e.Vector.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm(e.Vector.Span), 4);
        });
    }

    [Fact]
    public void Embed_IsDeterministicAcrossInstances() =>
        Assert.Equal(_generator.Embed("قاعدة عين الأسد"), new HashingEmbeddingGenerator(1024).Embed("قاعدة عين الأسد"));

    [Fact]
    public void Embed_PutsRelatedTextsCloserThanUnrelatedOnes()
    {
        var related = Similarity("انسحاب قوات التحالف من العراق", "انسحبت القوات من العراق بعد إعلان التحالف");
        var unrelated = Similarity("انسحاب قوات التحالف من العراق", "العواصف تعطل الدوام في سبع محافظات");
        Assert.True(related > unrelated + 0.1, $"related {related}, unrelated {unrelated}");
    }

    [Fact]
    public void Embed_MatchesWordFormsThroughCharacterGrams()
    {
        // "المسلحة" and "مسلحي" share no stem with the light stemmer, but share grams.
        Assert.True(Similarity("الجماعات المسلحة", "مسلحي الجماعات") > Similarity("الجماعات المسلحة", "الجماعات الكردية"));
    }

    [Fact]
    public void Embed_OfOnlyStopWords_IsZero() =>
        Assert.Equal(0, TensorPrimitives.Norm(_generator.Embed("من هو في على the of")));

    [Fact]
    public void Metadata_NamesModelAndDimensions()
    {
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal(1024, metadata!.DefaultModelDimensions);
        Assert.StartsWith("newsqa-hashing", metadata.DefaultModelId);
    }
}
