using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Kinds;

/// <summary>
/// The closed word classes that introduce or make up typed spans in news prose, in normalized spelling: month names
/// (the Levantine/Iraqi كانون الثاني series and the Egyptian يناير series, with English), weekdays, titles and roles that
/// precede a person's name, speech verbs, place and organization nouns. They are the grammar and style of news
/// writing, written from general knowledge of both languages; none comes from an evaluation set.
/// </summary>
public static class SpanWords
{
    /// <summary>Month names by number (1-12): normalized Arabic spellings of both series, and English.</summary>
    public static readonly IReadOnlyList<(int Month, string[] Names)> Months =
    [
        (1, ["يناير", "كانون الثاني", "january", "jan"]), (2, ["فبراير", "شباط", "february", "feb"]),
        (3, ["مارس", "اذار", "march"]), (4, ["ابريل", "نيسان", "april", "apr"]), (5, ["مايو", "ايار", "may"]),
        (6, ["يونيو", "يونيه", "حزيران", "june"]), (7, ["يوليو", "يوليه", "تموز", "july"]), (8, ["اغسطس", "اب", "august", "aug"]),
        (9, ["سبتمبر", "ايلول", "september", "sept", "sep"]), (10, ["اكتوبر", "تشرين الاول", "october", "oct"]),
        (11, ["نوفمبر", "تشرين الثاني", "november", "nov"]), (12, ["ديسمبر", "كانون الاول", "december", "dec"]),
    ];

    /// <summary>English month names by number.</summary>
    public static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly HashSet<string> Weekdays = Set(
        "الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد monday tuesday wednesday thursday friday saturday sunday");

    // Single words that are a time on their own.
    public static readonly HashSet<string> TimeWords = Set("امس اليوم غدا البارحه yesterday today tomorrow");

    // Words that attach to a date on its left ("عام 2014", "منتصف نوفمبر", "early 2020").
    public static readonly HashSet<string> TimeLeft = Set(
        "عام العام سنه السنه يوم اليوم شهر الشهر منتصف مطلع اواخر اوائل اواسط نهايه بدايه مساء صباح ليله ليلة early late mid end beginning");

    // Words that attach to a date on its right ("الخميس الماضي", "last week").
    public static readonly HashSet<string> TimeRight = Set("الماضي الماضيه المقبل المقبله الجاري الحالي القادم المنصرم");

    /// <summary>Titles and roles that stand before a person's name, Arabic and English.</summary>
    public static readonly HashSet<string> Titles = Set(
        """
        الرئيس رئيس الوزير وزير الجنرال جنرال اللواء لواء العقيد عقيد العميد عميد الفريق الكولونيل الرائد النقيب
        الدكتور د الاستاذ السيد السيده الشيخ الامير الملك الملكه الامام المتحدث متحدث الناطق القائد قائد الامين
        المستشار مستشار المنسق منسق المدير مدير النائب نائب السفير سفير المحلل الخبير الاعلامي الصحفي الكاتب العضو
        الباحث المبعوث الممثل المفوض المحافظ محافظ زعيم الزعيم القيادي قيادي المهندس المقدم الملازم رئيسه وزيره
        president minister general colonel brigadier lieutenant major captain dr doctor mr mrs ms sheikh king queen prince
        spokesman spokeswoman spokesperson commander secretary adviser advisor coordinator director ambassador analyst
        envoy governor senator deputy chief leader mayor
        """);

    /// <summary>Titles whose office is a place, named right after them ("محافظ نينوى").</summary>
    public static readonly HashSet<string> PlaceTitles = Set("محافظ المحافظ والي حاكم");

    /// <summary>Verbs of saying, after which news prose names the speaker.</summary>
    public static readonly HashSet<string> SpeechVerbs = Set(
        "قال قالت اكد اكدت اعلن اعلنت اضاف اضافت اشار اشارت راي رات يقول تقول يري صرح صرحت اوضح اوضحت لفت said says told added stated announced");

    /// <summary>Nouns that introduce a place ("محافظة الأنبار", "قاعدة عين الأسد") and prepositions of place.</summary>
    public static readonly HashSet<string> PlaceNouns = Set(
        "محافظه مدينه قاعده اقليم منطقه صحراء جبال جبل قريه بلده ناحيه قضاء ولايه دوله عاصمه العاصمه مطار ميناء نهر بحر شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط city province base region district desert mountains village state capital airport port river");

    public static readonly HashSet<string> PlacePrepositions = Set("في قرب داخل near in at inside");

    /// <summary>English nouns written after a place's name ("Anbar province", "Harir base", "Erbil airport").</summary>
    public static readonly HashSet<string> PlaceNounsAfter = Set("province city base airport region desert mountains governorate district town village port");

    /// <summary>
    /// Nouns of a role's office that stand between a title and the name without the article ("قائد عمليات محافظة
    /// نينوى", "رئيس أركان الجيش"): not the first word of a name.
    /// </summary>
    public static readonly HashSet<string> RoleNouns = Set(
        "عمليات اركان شرطه امن دفاع خارجيه داخليه مكتب دائره لجنه بلديه شؤون قسم فرقه لواء كتيبه فوج ادارة اداره الحكومه حكومه الجمهوريه جمهوريه اول ثاني ركن مستشاري قاده قيادات");

    /// <summary>Adjectives of nationality, which follow a title ("جنرال أميركي") without being a name.</summary>
    public static readonly HashSet<string> Nationalities = Set(
        "عراقي اميركي امريكي فرنسي بريطاني ايراني تركي سوري كردي روسي الماني اسرائيلي سعودي مصري اردني لبناني فلسطيني عربي غربي اوروبي صيني ايطالي خليجي اجنبي محلي دولي كبير بارز سابق رفيع مطلع امني عسكري سياسي اخر جديد");

    /// <summary>Nouns of direction, which name a place only together with a known one ("شمال بغداد", not "وسط محاولات").</summary>
    public static readonly HashSet<string> Directions = Set("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي");

    /// <summary>Organization nouns whose name, written after them, names the organization on its own ("حركة النجباء" → النجباء).</summary>
    public static readonly HashSet<string> NamingOrganizationNouns = Set(
        "حركه تنظيم كتائب حزب مليشيا ميليشيا منظمه جماعه تحالف جبهه شبكه موقع صحيفه وكاله فصيل");

    /// <summary>Words in a capitalized English name that make it an organization's ("Higher Military Commission").</summary>
    public static readonly HashSet<string> EnglishOrganizationWords = Set(
        """
        ministry commission council directorate forces force party organization organisation agency programme program bank company army command
        committee alliance movement front militia daily news times post network university centre center institute service mission coalition
        nations union parliament government brigades battalion unesco nato pentagon
        """);

    /// <summary>
    /// Phrases that join clauses in news prose and are never an answer ("من جهته", "قائلا", "أثناء لقائه"): a span that
    /// is one of them, or begins with one, is no short answer.
    /// </summary>
    public static readonly HashSet<string> FunctionPhrases = Set(
        """
        جهته جهتها جانبه جانبها قائلا قائله مضيفا مضيفه مشيرا مشيره مؤكدا مؤكده معتبرا معتبره لقائه لقائها اثناء خلال حيث كما ايضا بقوله قوله بالقول
        بدوره بدورها وفقا نقلا حسب بحسب اضافه فضلا لاسيما سيما ذلك هذا هذه تلك الذي التي الذين عندما بينما
        however meanwhile also said told added according saying adding
        """);

    /// <summary>Nouns that begin an organization's name ("حركة النجباء", "تحالف الفتح", "Ministry of Defence").</summary>
    public static readonly HashSet<string> OrganizationNouns = Set(
        "حركه تحالف كتائب وزاره جهاز حلف حزب مليشيا ميليشيا منظمه مجلس قياده هيئه شبكه وكاله صحيفه موقع المركز مركز جامعه شركه جبهه فصيل قوات لجنه اتحاد برنامج جماعه مؤسسه ministry council party movement alliance organization organisation agency university company front committee union forces");

    // Connectors that may stand between a role and the name it introduces ("المتحدث باسم الحشد الشعبي كريم النوري").
    public static readonly HashSet<string> RoleConnectors = Set("باسم لشؤون عن of for");

    /// <summary>
    /// Countries and capitals, Arabic and English (general knowledge, written for no data set): places wherever they
    /// stand, where the articles' own place names are mined from the cues that introduce them.
    /// </summary>
    public static readonly IReadOnlyList<string> Countries = [.. Lines(
        """
        افريقيا اوروبا اسيا
        العراق سوريا سوريه لبنان الاردن مصر ايران تركيا السعوديه الكويت قطر البحرين الامارات عمان اليمن فلسطين اسرائيل ليبيا تونس الجزائر المغرب السودان
        روسيا الصين فرنسا المانيا بريطانيا ايطاليا اسبانيا امريكا اميركا اوكرانيا الهند باكستان افغانستان اليابان كندا استراليا بلجيكا هولندا النمسا
        الولايات المتحده|المملكه المتحده|المملكه العربيه السعوديه|الاراضي الفلسطينيه|قطاع غزه|غزه|الضفه الغربيه
        بغداد دمشق بيروت عمان القاهره طهران انقره الرياض الدوحه ابوظبي ابو ظبي موسكو بكين باريس برلين لندن روما واشنطن بروكسل جنيف نيويورك اسطنبول
        africa europe asia
        iraq syria lebanon jordan egypt iran turkey kuwait qatar bahrain oman yemen palestine israel libya tunisia algeria morocco sudan
        russia china france germany britain italy spain america ukraine india pakistan afghanistan japan canada australia belgium netherlands austria
        united states|united kingdom|saudi arabia|gaza|west bank
        baghdad damascus beirut amman cairo tehran ankara riyadh doha moscow beijing paris berlin london rome washington brussels geneva istanbul
        """)];

    private static readonly Dictionary<string, int> MonthByName = Months
        .SelectMany(m => m.Names.Where(n => !n.Contains(' ', StringComparison.Ordinal)).Select(n => (n, m.Month)))
        .ToDictionary(x => x.n, x => x.Month, StringComparer.Ordinal);

    /// <summary>The month (1-12) a single normalized word names, or null. "كانون" and "تشرين" alone need the next word.</summary>
    public static int? Month(string word) => MonthByName.TryGetValue(word, out var m) ? m : null;

    /// <summary>The month of a two-word Levantine name ("كانون الاول", "تشرين الثاني"), or null.</summary>
    public static int? Month(string first, string second) => (first, second) switch
    {
        ("كانون", "الاول" or "اول") => 12,
        ("كانون", "الثاني" or "ثاني") => 1,
        ("تشرين", "الاول" or "اول") => 10,
        ("تشرين", "الثاني" or "ثاني") => 11,
        _ => null,
    };

    // Names one to a word, or separated by "|" when they have several words.
    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(line => line.Contains('|', StringComparison.Ordinal) ? line.Split('|') : line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(n => string.Join(' ', Tokenizer.Tokenize(n).Select(t => t.Normalized)));

    private static HashSet<string> Set(string words) =>
        new(words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => ArabicNormalizer.Normalize(w)), StringComparer.Ordinal);
}
