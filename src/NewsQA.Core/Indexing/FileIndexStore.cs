using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Stores an index as one binary file: a magic string and format version, the settings, the documents with their
/// passages, terms and vectors, and a SHA-256 trailer over all of it. Saving writes a temporary file beside the target,
/// flushes it to disk and renames it over the old one, so a process killed mid-write leaves the previous index intact.
/// </summary>
public sealed class FileIndexStore : IIndexStore
{
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "NEWSQA-INDEX"u8.ToArray();
    private const int HashLength = 32;

    public IndexLoadResult Load(string path)
    {
        if (!File.Exists(path)) return IndexLoadResult.NotFound(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (stream.Length < Magic.Length + 4 + HashLength) return IndexLoadResult.Invalid(path, "file is truncated");
            if (!HasValidTrailer(stream)) return IndexLoadResult.Invalid(path, "checksum mismatch (corrupt or partly written)");

            stream.Position = 0;
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) return IndexLoadResult.Invalid(path, "not a NewsQA index");
            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                return IndexLoadResult.Invalid(path, $"format version {version}, this build reads version {FormatVersion}");
            }

            return new IndexLoadResult(ReadSnapshot(reader), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException
                                     or ArgumentException or OverflowException or DecoderFallbackException)
        {
            return IndexLoadResult.Invalid(path, e.Message);
        }
    }

    public void Save(IndexSnapshot snapshot, string path)
    {
        using var writer = OpenWriter(path, snapshot.Settings, snapshot.Documents.Count);
        foreach (var document in snapshot.Documents) writer.Add(document);
        writer.Commit();
    }

    public IIndexWriter OpenWriter(string path, IndexSettings settings, int documentCount) => new Writer(path, settings, documentCount);

    // Writes a temporary file beside the target, hashing as it goes; Commit appends the hash, flushes to disk and
    // renames it over the old index.
    private sealed class Writer : IIndexWriter
    {
        private readonly string _path;
        private readonly string _temporary;
        private readonly IndexSettings _settings;
        private readonly int _documentCount;
        private readonly FileStream _file;
        private readonly HashingWriteStream _hashing;
        private readonly BinaryWriter _writer;
        private int _written;
        private bool _done;

        public Writer(string path, IndexSettings settings, int documentCount)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);
            _path = path;
            _temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            _settings = settings;
            _documentCount = documentCount;
            _file = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            _hashing = new HashingWriteStream(_file);
            _writer = new BinaryWriter(_hashing, Encoding.UTF8, leaveOpen: true);
            _writer.Write(Magic);
            _writer.Write(FormatVersion);
            WriteSettings(_writer, settings, documentCount);
        }

        public void Add(IndexedDocument document)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            if (_written == _documentCount) throw new InvalidOperationException($"The index was opened for {_documentCount} documents.");
            WriteDocument(_writer, document, _settings.Dimensions);
            _written++;
        }

        public void Commit()
        {
            ObjectDisposedException.ThrowIf(_done, this);
            if (_written != _documentCount) throw new InvalidOperationException($"{_written} of {_documentCount} documents written.");
            _writer.Flush();
            _file.Write(_hashing.GetHashAndReset());
            _file.Flush(flushToDisk: true);
            Close();
            File.Move(_temporary, _path, overwrite: true);
        }

        public void Dispose()
        {
            if (_done) return;
            Close();
            if (File.Exists(_temporary)) File.Delete(_temporary);
        }

        private void Close()
        {
            _done = true;
            _writer.Dispose();
            _hashing.Dispose();
            _file.Dispose();
        }
    }

    private static bool HasValidTrailer(FileStream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var remaining = stream.Length - HashLength;
        var buffer = new byte[1 << 16];
        while (remaining > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0) return false;
            hash.AppendData(buffer, 0, read);
            remaining -= read;
        }

        var stored = new byte[HashLength];
        stream.ReadExactly(stored);
        return hash.GetHashAndReset().AsSpan().SequenceEqual(stored);
    }

    private static void WriteSettings(BinaryWriter writer, IndexSettings settings, int documentCount)
    {
        writer.Write(settings.AnalyzerVersion);
        writer.Write(settings.EmbedderId);
        writer.Write(settings.Dimensions);
        writer.Write(settings.MaxPassageChars);
        writer.Write(documentCount);
    }

    private static void WriteDocument(BinaryWriter writer, IndexedDocument document, int dimensions)
    {
        writer.Write(document.DocumentId);
        writer.Write(document.ContentHash);
        writer.Write(document.Title);
        WriteNullable(writer, document.Source);
        writer.Write(document.SourcePath);
        writer.Write(document.Passages.Count);
        foreach (var indexed in document.Passages) WritePassage(writer, indexed, dimensions);
    }

    private static void WritePassage(BinaryWriter writer, IndexedPassage indexed, int dimensions)
    {
        var passage = indexed.Passage;
        writer.Write(passage.Id);
        writer.Write(passage.Paragraph);
        writer.Write(passage.Part);
        WriteNullable(writer, passage.Heading);
        writer.Write(passage.Text);
        writer.Write(passage.Sentences.Count);
        foreach (var sentence in passage.Sentences)
        {
            writer.Write(sentence.Start);
            writer.Write(sentence.Length);
        }

        writer.Write(indexed.Terms.Length);
        for (var t = 0; t < indexed.Terms.Length; t++)
        {
            writer.Write(indexed.Terms[t]);
            writer.Write(indexed.Frequencies[t]);
        }

        writer.Write(indexed.Length);
        if (indexed.Vector.Length != dimensions) throw new InvalidOperationException($"Passage {passage.Id} has a vector of {indexed.Vector.Length} dimensions, expected {dimensions}.");
        WriteVector(writer, indexed.Vector.Span);
    }

    // Hashed vectors are mostly zeros (a paragraph fills a few hundred of thousands of buckets), so a vector that is
    // less than half full is stored as (position, value) pairs; a provider's dense vector is stored as it is.
    private static void WriteVector(BinaryWriter writer, ReadOnlySpan<float> vector)
    {
        var nonZero = 0;
        foreach (var value in vector) if (value != 0) nonZero++;
        if (nonZero * 2 >= vector.Length)
        {
            writer.Write(-1);
            writer.Write(MemoryMarshal.AsBytes(vector));
            return;
        }

        writer.Write(nonZero);
        for (var i = 0; i < vector.Length; i++)
        {
            if (vector[i] == 0) continue;
            writer.Write(i);
            writer.Write(vector[i]);
        }
    }

    private static float[] ReadVector(BinaryReader reader, int dimensions)
    {
        var vector = new float[dimensions];
        var nonZero = reader.ReadInt32();
        if (nonZero < 0)
        {
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(vector.AsSpan()));
            return vector;
        }

        if (nonZero > dimensions) throw new FormatException($"implausible vector entry count {nonZero}");
        for (var n = 0; n < nonZero; n++)
        {
            var position = reader.ReadInt32();
            if ((uint)position >= (uint)dimensions) throw new FormatException($"vector position {position} out of range");
            vector[position] = reader.ReadSingle();
        }

        return vector;
    }

    private static IndexSnapshot ReadSnapshot(BinaryReader reader)
    {
        var settings = new IndexSettings(reader.ReadString(), reader.ReadString(), reader.ReadInt32(), reader.ReadInt32());
        var documentCount = ReadCount(reader);
        var documents = new List<IndexedDocument>(documentCount);
        for (var d = 0; d < documentCount; d++)
        {
            var id = reader.ReadString();
            var hash = reader.ReadString();
            var title = reader.ReadString();
            var source = ReadNullable(reader);
            var sourcePath = reader.ReadString();
            var passageCount = ReadCount(reader);
            var passages = new List<IndexedPassage>(passageCount);
            for (var p = 0; p < passageCount; p++) passages.Add(ReadPassage(reader, id, title, settings.Dimensions));
            documents.Add(new IndexedDocument(id, hash, title, source, sourcePath, passages));
        }

        return new IndexSnapshot(settings, documents);
    }

    private static IndexedPassage ReadPassage(BinaryReader reader, string documentId, string title, int dimensions)
    {
        var id = reader.ReadString();
        var paragraph = reader.ReadInt32();
        var part = reader.ReadInt32();
        var heading = ReadNullable(reader);
        var text = reader.ReadString();
        var sentences = new SentenceSpan[ReadCount(reader)];
        for (var s = 0; s < sentences.Length; s++) sentences[s] = new SentenceSpan(reader.ReadInt32(), reader.ReadInt32());

        var termCount = ReadCount(reader);
        var terms = new string[termCount];
        var frequencies = new int[termCount];
        for (var t = 0; t < termCount; t++)
        {
            terms[t] = reader.ReadString();
            frequencies[t] = reader.ReadInt32();
        }

        var length = reader.ReadInt32();
        var vector = ReadVector(reader, dimensions);
        var passage = new Passage(id, documentId, title, paragraph, part, heading, text, sentences);
        return new IndexedPassage(passage, terms, frequencies, length, vector);
    }

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count is >= 0 and <= 100_000_000 ? count : throw new FormatException($"implausible count {count}");
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
