using System.ComponentModel.DataAnnotations;

namespace NewsQA.Bot.Watching;

/// <summary>Section "Watcher": how the running service follows the corpus folder (Corpus:Path).</summary>
public sealed class WatcherOptions : IValidatableObject
{
    public const string SectionName = "Watcher";

    /// <summary>
    /// Follow the file system's change events (inotify on Linux), so a change is applied about <see cref="SettleTime"/>
    /// after it happens. Off for folders whose events do not arrive (many network shares): the rescan finds changes.
    /// </summary>
    public bool FileEvents { get; set; } = true;

    /// <summary>
    /// How often the folder is listed and compared with what was seen before, catching what the events missed (an
    /// overflowing event queue, a network share). A listing reads no file, only names, sizes and times.
    /// </summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A changed file is read only once its size and modification time have stayed the same this long, so a file still
    /// being copied in is not read half-way. One second is far longer than the gaps between a local writer's buffered
    /// writes and well inside the five seconds a new article has to become answerable; raise it for slow network copies.
    /// </summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most articles applied in one batch (one commit and one refresh): a burst of files is applied in batches of this
    /// size, each answerable as soon as it is committed rather than all of them at the end.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxBatchArticles { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RescanInterval < TimeSpan.FromSeconds(1) || RescanInterval > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"Watcher:RescanInterval: {RescanInterval} is outside 00:00:01 to 1.00:00:00.", [nameof(RescanInterval)]);
        }

        if (SettleTime < TimeSpan.Zero || SettleTime > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"Watcher:SettleTime: {SettleTime} is outside 00:00:00 to 00:10:00.", [nameof(SettleTime)]);
        }
    }
}
