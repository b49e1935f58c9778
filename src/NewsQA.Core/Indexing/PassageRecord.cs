using System.Text;
using Lucene.Net.Util;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>
/// What a citation needs of a passage (its id, article, title, heading, place, text as written and sentence offsets)
/// as one binary doc value. Lucene's stored fields compress documents in chunks of 16 KB, and reading one back
/// decompresses its chunk byte by byte up to it: for the ten passages a search returns, that measured a quarter of a
/// benchmark question's time. A doc value is read in place from the memory-mapped file. The price is size (the text
/// is kept uncompressed), within the index-size target. A passage whose record is longer than Lucene 4.8 allows
/// for one binary doc value keeps its stored fields instead (<see cref="Fits"/>).
/// </summary>
internal static class PassageRecord
{
    // Lucene 4.8's BinaryDocValuesWriter refuses longer values (ByteBlockPool.BYTE_BLOCK_SIZE - 2).
    private const int MaxBytes = (1 << 15) - 2;

    public static bool Fits(byte[] record) => record.Length <= MaxBytes;

    public static byte[] Encode(Passage p)
    {
        using var buffer = new MemoryStream(64 + (p.Text.Length * 2));
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(p.Id);
            writer.Write(p.DocumentId);
            writer.Write(p.Title);
            writer.Write(p.Heading is not null);
            if (p.Heading is not null) writer.Write(p.Heading);
            writer.Write7BitEncodedInt(p.Paragraph);
            writer.Write7BitEncodedInt(p.Part);
            writer.Write(p.Text);
            writer.Write7BitEncodedInt(p.Sentences.Count);
            foreach (var sentence in p.Sentences)
            {
                writer.Write7BitEncodedInt(sentence.Start);
                writer.Write7BitEncodedInt(sentence.Length);
            }
        }

        return buffer.ToArray();
    }

    public static Passage Decode(BytesRef value)
    {
        using var reader = new BinaryReader(new MemoryStream(value.Bytes, value.Offset, value.Length, writable: false), Encoding.UTF8);
        var id = reader.ReadString();
        var documentId = reader.ReadString();
        var title = reader.ReadString();
        var heading = reader.ReadBoolean() ? reader.ReadString() : null;
        var paragraph = reader.Read7BitEncodedInt();
        var part = reader.Read7BitEncodedInt();
        var text = reader.ReadString();
        var sentences = new List<SentenceSpan>(reader.Read7BitEncodedInt());
        for (var i = 0; i < sentences.Capacity; i++) sentences.Add(new SentenceSpan(reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt()));
        return new Passage(id, documentId, title, paragraph, part, heading, text, sentences);
    }
}
