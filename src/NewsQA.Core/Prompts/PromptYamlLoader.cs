using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NewsQA.Core.Prompts;

/// <summary>
/// Reads a prompt file in Semantic Kernel's prompt YAML schema into SK's own <see cref="PromptTemplateConfig"/>, as
/// Microsoft.SemanticKernel.Yaml's KernelFunctionYaml does (that package is not installable here): snake_case keys,
/// unknown keys rejected, and each execution_settings entry read as a <see cref="PromptExecutionSettings"/> whose
/// model_id is the model and every other key (temperature, max_tokens, …) an extension-data value.
/// </summary>
public static class PromptYamlLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new ExecutionSettingsConverter())
        .Build();

    /// <summary>The prompt in <paramref name="path"/>; a <see cref="PromptException"/> naming the file when it cannot be read.</summary>
    public static PromptTemplateConfig Load(string path)
    {
        if (!File.Exists(path)) throw new PromptException($"Prompt file missing: {path}");
        try
        {
            return Deserializer.Deserialize<PromptTemplateConfig?>(File.ReadAllText(path)) ?? throw new PromptException($"Prompt file is empty: {path}");
        }
        catch (YamlException e)
        {
            throw new PromptException($"Prompt file {path} is not valid YAML for Semantic Kernel's prompt schema: {e.Message}");
        }
    }

    private sealed class ExecutionSettingsConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(PromptExecutionSettings);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            parser.Consume<MappingStart>();
            var settings = new PromptExecutionSettings();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>().Value;
                var value = rootDeserializer(typeof(object));
                if (key == "model_id") settings.ModelId = value?.ToString();
                else (settings.ExtensionData ??= new Dictionary<string, object>(StringComparer.Ordinal))[key] = value!;
            }

            return settings;
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            throw new NotSupportedException("Prompt files are only read.");
    }
}
