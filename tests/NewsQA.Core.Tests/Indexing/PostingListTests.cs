using NewsQA.Core.Indexing;

namespace NewsQA.Core.Tests.Indexing;

public class PostingListTests
{
    [Fact]
    public void RoundTripsPassagesAndPayloads_AcrossGapsOfEveryVarintLength()
    {
        int[] passages = [0, 1, 127, 128, 300, 16_384, 16_385, 2_097_152, 2_097_153, 268_435_456, int.MaxValue - 1];
        var builder = new PostingListBuilder();
        for (var i = 0; i < passages.Length; i++) builder.Add(passages[i], (byte)(i * 23));

        var list = builder.Build();
        var reader = list.GetReader();
        var read = new List<(int, byte)>();
        while (reader.Next(out var passage, out var payload)) read.Add((passage, payload));

        Assert.Equal(passages.Length, list.Count);
        Assert.Equal(passages.Select((p, i) => (p, (byte)(i * 23))), read);
    }

    [Fact]
    public void RoundTripsTwoBytePayloads_NegativeOnesToo()
    {
        short[] payloads = [1, -1, short.MaxValue, short.MinValue + 1, 300, -300];
        var builder = new PostingListBuilder();
        for (var i = 0; i < payloads.Length; i++) builder.Add(i * 1000, payloads[i]);

        var reader = builder.Build().GetReader();
        var read = new List<(int, short)>();
        while (reader.NextWide(out var passage, out var payload)) read.Add((passage, payload));

        Assert.Equal(payloads.Select((v, i) => (i * 1000, v)), read);
    }

    [Fact]
    public void SmallGaps_TakeTwoBytesAnEntry()
    {
        var builder = new PostingListBuilder();
        for (var p = 0; p < 1000; p += 3) builder.Add(p, 1);
        Assert.Equal(2L * builder.Count, builder.Build().ByteLength);
    }

    [Fact]
    public void RoundTripsALongList_AcrossManyBlocks()
    {
        var random = new Random(11);
        var expected = new List<(int, short)>();
        var builder = new PostingListBuilder();
        var passage = -1;
        for (var i = 0; i < 200_000; i++)
        {
            passage += 1 + (random.Next(10) == 0 ? random.Next(100_000) : random.Next(100));
            var payload = (short)random.Next(short.MinValue, short.MaxValue);
            builder.Add(passage, payload);
            expected.Add((passage, payload));
        }

        var reader = builder.Build().GetReader();
        var read = new List<(int, short)>();
        while (reader.NextWide(out var p, out var v)) read.Add((p, v));
        Assert.Equal(expected, read);
    }

    [Fact]
    public void RefusesPassagesOutOfOrder()
    {
        var builder = new PostingListBuilder();
        builder.Add(5, 1);
        Assert.Throws<InvalidOperationException>(() => builder.Add(5, 1));
        Assert.Throws<InvalidOperationException>(() => builder.Add(4, 1));
    }

    [Fact]
    public void EmptyList_ReadsNothing()
    {
        var reader = default(PostingList).GetReader();
        Assert.False(reader.Next(out _, out _));
    }
}
