namespace NewsQA.Core.Configuration;

/// <summary>
/// How a relative path in the settings is read: from the working directory, the folder the README runs every command
/// in (the repository root), for the bot and the CLI alike. The files NewsQA ships (prompts/, lexicon/, models/) are
/// also copied beside each program, and one the working directory lacks is read from there, so that a program started
/// from another folder still has them.
/// </summary>
public static class ConfiguredPath
{
    /// <summary>A shipped file or folder: the working directory's when it has one, else the copy beside the program.</summary>
    public static string Shipped(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var here = Path.GetFullPath(path);
        return File.Exists(here) || Directory.Exists(here) ? here : Path.Combine(AppContext.BaseDirectory, path);
    }
}
