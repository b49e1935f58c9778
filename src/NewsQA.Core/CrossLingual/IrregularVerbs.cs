namespace NewsQA.Core.CrossLingual;

/// <summary>
/// Past forms of common English irregular verbs and their base form, so a question's "won", "led" or "fought" is looked
/// up as "win", "lead", "fight" (Porter stemming cannot relate them). Standard English grammar, not any data set.
/// </summary>
public static class IrregularVerbs
{
    private static readonly Dictionary<string, string> Base = Build(
        "arose:arise arisen:arise awoke:awake was:be were:be been:be bore:bear born:bear beat:beat beaten:beat became:become " +
        "began:begin begun:begin bent:bend bet:bet bound:bind bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break " +
        "broken:break bred:breed brought:bring built:build burnt:burn burst:burst bought:buy caught:catch chose:choose chosen:choose " +
        "came:come cost:cost crept:creep cut:cut dealt:deal dug:dig did:do done:do drew:draw drawn:draw dreamt:dream drank:drink " +
        "drunk:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall fed:feed felt:feel fought:fight found:find " +
        "fled:flee flew:fly flown:fly forbade:forbid forgot:forget forgotten:forget forgave:forgive forgiven:forgive froze:freeze " +
        "frozen:freeze got:get gotten:get gave:give given:give went:go gone:go grew:grow grown:grow hung:hang had:have heard:hear " +
        "hid:hide hidden:hide hit:hit held:hold hurt:hurt kept:keep knew:know known:know laid:lay led:lead left:leave lent:lend " +
        "let:let lay:lie lain:lie lit:light lost:lose made:make meant:mean met:meet paid:pay put:put quit:quit read:read rode:ride " +
        "ridden:ride rang:ring rung:ring rose:rise risen:rise ran:run said:say saw:see seen:see sought:seek sold:sell sent:send " +
        "set:set shook:shake shaken:shake shot:shoot shut:shut sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep " +
        "slid:slide spoke:speak spoken:speak spent:spend spun:spin spread:spread stood:stand stole:steal stolen:steal stuck:stick " +
        "stung:sting struck:strike strove:strive swore:swear sworn:swear swept:sweep swam:swim swum:swim swung:swing took:take " +
        "taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw understood:understand " +
        "woke:wake woken:wake wore:wear worn:wear wove:weave woven:weave wept:weep won:win withdrew:withdraw withdrawn:withdraw " +
        "wrote:write written:write overthrew:overthrow overthrown:overthrow undertook:undertake undertaken:undertake");

    /// <summary>The base form of a past form, or null.</summary>
    public static string? BaseOf(string word) => Base.GetValueOrDefault(word);

    private static Dictionary<string, string> Build(string pairs) =>
        pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
