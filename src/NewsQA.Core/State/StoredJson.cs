using System.Text.Json;

namespace NewsQA.Core.State;

/// <summary>How NewsQA writes what it stores as JSON (feedback lines, conversations in Redis): camelCase, absent nulls, text left readable.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
