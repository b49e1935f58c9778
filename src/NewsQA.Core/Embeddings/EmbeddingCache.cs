using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Core.Embeddings;

/// <summary>
/// The provider's embeddings kept beside the index (its folder's vectors/ subfolder, which a rebuild leaves alone), one
/// append-only file per model and dimensions, each record keyed by a hash of the passage text: re-indexing, a rebuild
/// or an article re-saved unchanged reuses them instead of calling the provider. Only the keys and file offsets are held
/// in memory; a vector is read when it is reused. A record cut short by a killed run is dropped at the next open.
/// </summary>
public sealed class EmbeddingCache : IDisposable
{
    private const int HashBytes = 16;
    private const int HeaderBytes = HashBytes + sizeof(int);

    private readonly Dictionary<UInt128, long> _offsets = [];
    private readonly FileStream _file;
    private readonly object _gate = new();

    private EmbeddingCache(FileStream file) => _file = file;

    /// <summary>The file that keeps <paramref name="embedderKey"/>'s vectors for the index at <paramref name="indexPath"/>.</summary>
    public static string PathFor(string indexPath, string embedderKey)
    {
        var safe = new StringBuilder(embedderKey.Length);
        foreach (var c in embedderKey) safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        return Path.Combine(indexPath, "vectors", $"embeddings-{safe}.bin");
    }

    /// <summary>Opens (creating when needed) the cache file at <paramref name="path"/>, reading its keys.</summary>
    public static EmbeddingCache Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // One process at a time: a second one (the CLI while a service indexes the same folder) fails here, and
        // PassageEncoder.OpenCache lets it run without the cache.
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        var cache = new EmbeddingCache(file);
        try
        {
            cache.ReadKeys();
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return cache;
    }

    /// <summary>Vectors kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _offsets.Count;
        }
    }

    /// <summary>The key of a passage text: the first 16 bytes of its SHA-256.</summary>
    public static UInt128 KeyOf(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return MemoryMarshal.Read<UInt128>(hash);
    }

    /// <summary>The vector kept for <paramref name="key"/>, or null.</summary>
    public float[]? Find(UInt128 key)
    {
        lock (_gate)
        {
            if (!_offsets.TryGetValue(key, out var offset)) return null;
            Span<byte> header = stackalloc byte[HeaderBytes];
            RandomAccess.Read(_file.SafeFileHandle, header, offset);
            var vector = new float[BitConverter.ToInt32(header[HashBytes..])];
            RandomAccess.Read(_file.SafeFileHandle, MemoryMarshal.AsBytes(vector.AsSpan()), offset + HeaderBytes);
            return vector;
        }
    }

    /// <summary>Keeps vectors (written through to the file, so a run stopped later keeps what it paid for).</summary>
    public void Add(IReadOnlyList<(UInt128 Key, ReadOnlyMemory<float> Vector)> entries)
    {
        lock (_gate)
        {
            _file.Seek(0, SeekOrigin.End);
            Span<byte> header = stackalloc byte[HeaderBytes];
            foreach (var (key, vector) in entries)
            {
                if (_offsets.ContainsKey(key)) continue;
                var offset = _file.Position;
                MemoryMarshal.Write(header, in key);
                BitConverter.TryWriteBytes(header[HashBytes..], vector.Length);
                _file.Write(header);
                _file.Write(MemoryMarshal.AsBytes(vector.Span));
                _offsets[key] = offset;
            }

            _file.Flush();
        }
    }

    private void ReadKeys()
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        long offset = 0, length = _file.Length;
        while (offset + HeaderBytes <= length)
        {
            _file.Position = offset;
            _file.ReadExactly(header);
            var count = BitConverter.ToInt32(header[HashBytes..]);
            var end = offset + HeaderBytes + (4L * count);
            if (count <= 0 || end > length) break;
            _offsets[MemoryMarshal.Read<UInt128>(header)] = offset;
            offset = end;
        }

        // A record cut short (a killed run) or garbage after the last whole one: drop it, so appends start clean.
        if (offset < length) _file.SetLength(offset);
    }

    public void Dispose()
    {
        lock (_gate) _file.Dispose();
    }
}
