using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>
/// A passage's recognized names, numbers and dates (<see cref="Passage.Entities"/>) as one binary doc value: a count,
/// then per entity its start and length (7-bit encoded) and kind (one byte). Read in place with the passage's record.
/// </summary>
internal static class PassageEntityField
{
    public static byte[] Encode(IReadOnlyList<PassageEntity> entities)
    {
        using var buffer = new MemoryStream(1 + (entities.Count * 5));
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(entities.Count);
            foreach (var entity in entities)
            {
                writer.Write7BitEncodedInt(entity.Start);
                writer.Write7BitEncodedInt(entity.Length);
                writer.Write((byte)entity.Kind);
            }
        }

        return buffer.ToArray();
    }

    public static List<PassageEntity> Decode(BytesRef value)
    {
        using var reader = new BinaryReader(new MemoryStream(value.Bytes, value.Offset, value.Length, writable: false));
        var entities = new List<PassageEntity>(reader.Read7BitEncodedInt());
        for (var i = 0; i < entities.Capacity; i++) entities.Add(new PassageEntity(reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt(), (SpanKind)reader.ReadByte()));
        return entities;
    }

    /// <summary>The passage with the entities its document holds; as it is when the document has none (an older index).</summary>
    public static Passage Attach(Passage passage, AtomicReader reader, int local)
    {
        if (reader.GetDocsWithField(IndexFields.Entities) is not { } present || !present.Get(local)) return passage;
        var value = new BytesRef();
        reader.GetBinaryDocValues(IndexFields.Entities).Get(local, value);
        return passage with { Entities = Decode(value) };
    }
}
