using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Kinds;

/// <summary>
/// Names known to be a person, a place or an organization, in normalized tokens ("حيدر العبادي", "عين الاسد", "حركه
/// النجباء", "paul carver"): mined from the articles themselves (<see cref="EntityMiner"/>, kept in the index per
/// article), and a few general ones (<see cref="SpanWords.Countries"/>). A name met where no cue introduces it
/// ("ورأى العبادي …", "Carver told reporters") is recognized by being one of them.
/// </summary>
public sealed class EntityLexicon
{
    /// <summary>The longest name, in tokens.</summary>
    public const int MaxTokens = 6;

    private readonly Dictionary<string, SpanKind> _names;

    // The first word of every name: a token that begins none is not looked up at each length (Match is asked at every
    // token of every sentence indexed and answered from, and building the keys was most of recognizing a passage's names).
    private readonly HashSet<string> _firstWords;

    public EntityLexicon(IEnumerable<(string Name, SpanKind Kind)> names)
    {
        _names = new Dictionary<string, SpanKind>(StringComparer.Ordinal);
        // A name mined as two kinds ("الفتح" the alliance, a place) is neither: only what every article agrees on is kept.
        var conflicting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, kind) in names)
        {
            if (name.Length == 0 || conflicting.Contains(name)) continue;
            if (_names.TryGetValue(name, out var known) && known != kind)
            {
                _names.Remove(name);
                conflicting.Add(name);
                continue;
            }

            _names[name] = kind;
        }

        _firstWords = new HashSet<string>(_names.Keys.Select(FirstWord), StringComparer.Ordinal);
    }

    /// <summary>No names.</summary>
    public static EntityLexicon Empty { get; } = new([]);

    /// <summary>The general names alone (countries and their capitals).</summary>
    public static EntityLexicon General { get; } = new(SpanWords.Countries.Select(c => (c, SpanKind.Place)));

    public int Count => _names.Count;

    /// <summary>The names and their kinds, sorted (as stored).</summary>
    public IEnumerable<(string Name, SpanKind Kind)> Names => _names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => (n.Key, n.Value));

    /// <summary>This lexicon and another's names together.</summary>
    public EntityLexicon With(EntityLexicon other) => other.Count == 0 ? this : Count == 0 ? other : new([.. Names, .. other.Names]);

    /// <summary>The kind of a normalized name, or null.</summary>
    public SpanKind? KindOf(string name) => _names.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>The longest known name starting at token <paramref name="i"/> (its length in tokens and kind), or null.</summary>
    public (int Tokens, SpanKind Kind)? Match(IReadOnlyList<Token> tokens, int i)
    {
        if (i >= tokens.Count || !MayStartAt(tokens[i])) return null;
        for (var length = Math.Min(MaxTokens, tokens.Count - i); length >= 1; length--)
        {
            var name = Key(tokens, i, length);
            if (_names.TryGetValue(name, out var kind)) return (length, kind);
            // A one-letter prefix (و، ب، ل، ف، ك) attaches to the first word of a name: "بألمانيا", "والعبادي".
            if (tokens[i].IsArabic && TypedSpanFinder.Bare(tokens[i].Normalized) is var bare && bare != tokens[i].Normalized
                && _names.TryGetValue(length == 1 ? bare : bare + " " + Key(tokens, i + 1, length - 1), out kind)) return (length, kind);
        }

        return null;
    }

    /// <summary>
    /// Whether one of these names may start at one of <paramref name="tokens"/>; where none may, a lexicon with these
    /// names added matches at every token exactly as it would without them.
    /// </summary>
    public bool MayMatchIn(IReadOnlyList<Token> tokens) => Count > 0 && tokens.Any(MayStartAt);

    // Whether a name may begin with the token, as it is or without a one-letter prefix: a name's key starts with its
    // first token's normalized form, so its first word is that form's first word.
    private bool MayStartAt(Token token)
    {
        if (_firstWords.Contains(FirstWord(token.Normalized))) return true;
        return token.IsArabic && TypedSpanFinder.Bare(token.Normalized) is var bare && bare != token.Normalized && _firstWords.Contains(FirstWord(bare));
    }

    private static string FirstWord(string name) => name.IndexOf(' ', StringComparison.Ordinal) is >= 0 and var space ? name[..space] : name;

    /// <summary>The normalized name of tokens [<paramref name="start"/>, + <paramref name="length"/>).</summary>
    public static string Key(IReadOnlyList<Token> tokens, int start, int length) =>
        string.Join(' ', Enumerable.Range(start, length).Select(t => tokens[t].Normalized));

    /// <summary>One "kind, tab, name" line per name, as an article's record stores them.</summary>
    public string Serialize() => string.Join('\n', Names.Select(n => $"{n.Kind.ToString().ToLowerInvariant()}\t{n.Name}"));

    /// <summary>The names of <see cref="Serialize"/>'s lines; a line of an unknown kind is skipped.</summary>
    public static EntityLexicon Parse(string? text) => string.IsNullOrEmpty(text) ? Empty : new(
        text.Split('\n').Select(l => l.Split('\t')).Where(f => f.Length == 2 && Enum.TryParse<SpanKind>(f[0], ignoreCase: true, out _))
            .Select(f => (f[1], Enum.Parse<SpanKind>(f[0], ignoreCase: true))));
}
