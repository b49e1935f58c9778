using System.Globalization;
using System.Text;

namespace NewsQA.Tools.Lexicon;

/// <summary>
/// Reads Princeton WordNet 3.0's database files (index.noun … data.adv) into related English words: for each lemma,
/// the derivationally related forms and pertainyms of its most frequent sense in each part of speech (chemist →
/// chemistry, inflammatory → inflame), then that sense's synonyms (hymn → anthem). A bilingual lexicon gives most
/// headwords one or two senses in one form; a relative often holds the translation that the articles use.
/// </summary>
public static class WordNetReader
{
    // The parts of speech in the order their relatives are listed: nouns and verbs carry most of a question's meaning.
    private static readonly string[] PartsOfSpeech = ["noun", "verb", "adj", "adv"];

    // WordNet's pointer symbols for a related form of the same word: derivationally related form, and pertainym
    // (an adjective's noun, an adverb's adjective).
    private const string DerivedForm = "+";
    private const string Pertainym = "\\";

    /// <summary>Lemma (lower case, spaces for WordNet's underscores) → related words, most direct first.</summary>
    public static SortedDictionary<string, List<string>> Read(string folder)
    {
        var missing = PartsOfSpeech.SelectMany(pos => new[] { $"index.{pos}", $"data.{pos}" }).Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        if (missing.Count > 0) throw new FileNotFoundException($"WordNet files not found in {folder}: {string.Join(", ", missing)}");

        var data = PartsOfSpeech.ToDictionary(pos => pos, pos => File.ReadAllBytes(Path.Combine(folder, $"data.{pos}")));
        var related = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pos in PartsOfSpeech)
        {
            foreach (var line in File.ReadLines(Path.Combine(folder, $"index.{pos}"), Encoding.Latin1))
            {
                // The licence header lines start with a space.
                if (line.Length == 0 || line[0] == ' ') continue;
                if (ParseIndexLine(line) is not { } entry) continue;
                var synset = Synset.Parse(data[pos], entry.FirstSense);
                var words = related.TryGetValue(entry.Lemma, out var list) ? list : related[entry.Lemma] = [];
                var self = synset.Words.IndexOf(entry.Lemma) + 1; // pointers name their source word by 1-based number
                foreach (var pointer in synset.Pointers.Where(p => p.Symbol is DerivedForm or Pertainym && p.Source == self))
                {
                    var target = Synset.Parse(data[FileOf(pointer.PartOfSpeech)], pointer.Offset);
                    if (pointer.Target >= 1 && pointer.Target <= target.Words.Count) AddWord(words, entry.Lemma, target.Words[pointer.Target - 1]);
                }

                foreach (var synonym in synset.Words) AddWord(words, entry.Lemma, synonym);
            }
        }

        foreach (var empty in related.Where(r => r.Value.Count == 0).Select(r => r.Key).ToList()) related.Remove(empty);
        return related;
    }

    private static void AddWord(List<string> words, string lemma, string word)
    {
        if (word != lemma && !words.Contains(word)) words.Add(word);
    }

    // "lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…": the offsets are in order of
    // sense frequency, so the first is the most frequent sense.
    private static (string Lemma, long FirstSense)? ParseIndexLine(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6 || !int.TryParse(fields[3], CultureInfo.InvariantCulture, out var pointerCount)) return null;
        var first = 4 + pointerCount + 2;
        if (first >= fields.Length || !long.TryParse(fields[first], CultureInfo.InvariantCulture, out var offset)) return null;
        return (Word(fields[0]), offset);
    }

    private static string FileOf(char partOfSpeech) => partOfSpeech switch
    {
        'n' => "noun",
        'v' => "verb",
        'r' => "adv",
        _ => "adj", // 'a', and 's' for an adjective satellite
    };

    // WordNet writes multi-word lemmas with underscores, and marks some adjectives' syntax in parentheses: "elect(p)".
    private static string Word(string raw)
    {
        var parenthesis = raw.IndexOf('(', StringComparison.Ordinal);
        return (parenthesis > 0 ? raw[..parenthesis] : raw).Replace('_', ' ').ToLowerInvariant();
    }

    private readonly record struct Pointer(string Symbol, long Offset, char PartOfSpeech, int Source, int Target);

    private sealed record Synset(List<string> Words, List<Pointer> Pointers)
    {
        private static readonly Synset Empty = new([], []);

        // "offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [symbol offset pos source/target(hex)]… | gloss",
        // found by its byte offset in the data file.
        public static Synset Parse(byte[] data, long offset)
        {
            if (offset < 0 || offset >= data.Length) return Empty;
            var end = Array.IndexOf(data, (byte)'\n', (int)offset);
            var line = Encoding.Latin1.GetString(data, (int)offset, (end < 0 ? data.Length : end) - (int)offset);
            var bar = line.IndexOf(" | ", StringComparison.Ordinal);
            var fields = (bar >= 0 ? line[..bar] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || !int.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var wordCount)) return Empty;
            var i = 4 + (2 * wordCount);
            if (i >= fields.Length || !int.TryParse(fields[i], CultureInfo.InvariantCulture, out var pointerCount)) return Empty;
            var words = Enumerable.Range(0, wordCount).Select(w => Word(fields[4 + (2 * w)])).ToList();
            var pointers = new List<Pointer>(pointerCount);
            for (var p = i + 1; p + 3 < fields.Length && pointers.Count < pointerCount; p += 4)
            {
                // source/target: two hex digits each, the 1-based word numbers in the two synsets (0000: the whole synset).
                var sourceTarget = fields[p + 3];
                if (!long.TryParse(fields[p + 1], CultureInfo.InvariantCulture, out var target) || sourceTarget.Length != 4
                    || !int.TryParse(sourceTarget.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var sourceWord)
                    || !int.TryParse(sourceTarget.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var targetWord)) continue;
                pointers.Add(new Pointer(fields[p], target, fields[p + 2][0], sourceWord, targetWord));
            }

            return new Synset(words, pointers);
        }
    }
}
