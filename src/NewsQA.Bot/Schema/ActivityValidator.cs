using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsQA.Bot.Schema;

/// <summary>
/// The one place where an incoming activity's shape is checked, for /api/messages and Direct Line alike: every field
/// the bot reads is untrusted until it passes here. Unknown fields and entity types pass untouched (receivers ignore
/// them); a field the bot reads in a shape no channel sends (entities: [null], a mention whose id is a number, a
/// feedback comment that is not text) is refused with a reason, so that the bot logic behind it never meets it.
/// Nesting is bounded by <see cref="Hosting.JsonBody.Options"/> when the body is read.
/// </summary>
public static class ActivityValidator
{
    /// <summary>Longest conversation id accepted (Teams ids run to about a hundred characters).</summary>
    public const int MaxIdChars = 512;

    /// <summary>Null when the activity can be handed to the bot; otherwise why not, for a 400.</summary>
    public static string? Problem(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return "The activity has no type.";
        if (activity.Conversation?.Id is { Length: > MaxIdChars }) return $"conversation.id is longer than {MaxIdChars} characters.";
        if (activity.MembersAdded is { } members && members.Any(m => m is null)) return "membersAdded holds a null entry.";
        for (var i = 0; i < (activity.Entities?.Count ?? 0); i++)
        {
            if (EntityProblem(activity.Entities![i]) is { } problem) return $"entities[{i}]: {problem}";
        }

        return activity.Value is { } value ? ValueProblem(value) : null;
    }

    /// <summary>Whether an entity is a Teams mention ("mention" in Teams payloads, "Mention" in the spec).</summary>
    public static bool IsMention(JsonObject entity) => string.Equals(StringOf(entity, "type"), "mention", StringComparison.OrdinalIgnoreCase);

    /// <summary>The string value of <paramref name="name"/> in <paramref name="node"/>, or null when it is absent or not a string.</summary>
    public static string? StringOf(JsonNode? node, string name)
    {
        if (node is not JsonObject o || o[name] is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return null;
        try
        {
            return v.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            return null; // bytes that are not UTF-8, which System.Text.Json checks only when the string is read
        }
    }

    private static string? EntityProblem(JsonObject? entity)
    {
        if (entity is null) return "null instead of an entity object.";
        if (!IsStringOrAbsent(entity, "type")) return "type is not a string.";
        if (!IsMention(entity)) return null;
        if (!IsStringOrAbsent(entity, "text")) return "the mention's text is not a string.";
        return entity["mentioned"] switch
        {
            null => null,
            JsonObject mentioned when IsStringOrAbsent(mentioned, "id") && IsStringOrAbsent(mentioned, "name") => null,
            _ => "mentioned is not an account object with a string id and name.",
        };
    }

    // Answer feedback (message/submitAction): {"actionValue": {"reaction": "like", "feedback": "…" or {"feedbackText": "…"}}}.
    private static string? ValueProblem(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("actionValue", out var action)) return null;
        if (action.ValueKind != JsonValueKind.Object) return "value.actionValue is not an object.";
        if (action.TryGetProperty("reaction", out var reaction) && reaction.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) return "value.actionValue.reaction is not a string.";
        if (!action.TryGetProperty("feedback", out var feedback)) return null;
        return feedback.ValueKind switch
        {
            JsonValueKind.String or JsonValueKind.Null => null,
            JsonValueKind.Object when !feedback.TryGetProperty("feedbackText", out var text) || text.ValueKind is JsonValueKind.String or JsonValueKind.Null => null,
            _ => "value.actionValue.feedback is neither text nor {\"feedbackText\": text}.",
        };
    }

    private static bool IsStringOrAbsent(JsonObject node, string name) =>
        node[name] is null || (node[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String);
}
