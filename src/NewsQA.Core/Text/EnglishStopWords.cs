namespace NewsQA.Core.Text;

/// <summary>English function words: the classic SMART/Snowball-style list, lower-case.</summary>
public static class EnglishStopWords
{
    private static readonly HashSet<string> Words = new(
        """
        a about above after again against all am an and any are as at be because been before being below between both
        but by can could did do does doing down during each few for from further had has have having he her here hers
        herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
        once only or other our ours ourselves out over own same she should so some such than that the their theirs them
        themselves then there these they this those through to too under until up very was we were what when where which
        while who whom whose why will with would you your yours yourself yourselves s t don shall may might must also many much
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Whether a lower-case English token is a function word.</summary>
    public static bool Contains(string lowerToken) => Words.Contains(lowerToken);
}
