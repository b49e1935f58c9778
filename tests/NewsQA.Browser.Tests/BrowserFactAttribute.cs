namespace NewsQA.Browser.Tests;

/// <summary>
/// A test that needs Debian's Chromium. Outside CI, a machine without it reports the test skipped, by name and with the
/// install command; in CI (.ci/run installs Chromium) a missing browser is a failure, not a skip.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"No browser at {Chromium}: install it with 'apt-get install chromium' to run this test (CI does).";
        }
    }
}
