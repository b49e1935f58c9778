namespace NewsQA.Core.Text;

/// <summary>
/// The consonants of an Arabic word's stem, long vowels and hamza seats left out: a broken plural keeps its singular's
/// root consonants where a light stemmer cannot join them (قائد / قادة → قد, عقد / عقود → عقد, جندي / جنود → جند).
/// Coarser than a stem, so a match by skeleton is weaker evidence than a match by stem.
/// </summary>
public static class ArabicSkeleton
{
    /// <summary>The skeleton of a normalized Arabic word; empty when it is too short to say anything.</summary>
    public static string Of(string normalized)
    {
        var stem = ArabicLightStemmer.Stem(normalized);
        var consonants = new System.Text.StringBuilder(stem.Length);
        for (var i = 0; i < stem.Length; i++)
        {
            var c = stem[i];
            // The first letter is the root's even when it is a weak one (وجد, يسر); inside the word they write vowels.
            if (i > 0 && c is 'ا' or 'و' or 'ي' or 'ى' or 'ء' or 'ئ' or 'ؤ') continue;
            if (i == stem.Length - 1 && i > 0 && c == 'ه') continue; // ة
            consonants.Append(c);
        }

        return consonants.Length >= 2 ? consonants.ToString() : string.Empty;
    }
}
