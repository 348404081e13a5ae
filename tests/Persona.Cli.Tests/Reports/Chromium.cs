using System.Diagnostics;
using Persona.TestSupport;

namespace Persona.Cli.Tests.Reports;

/// <summary>Renders a page in Debian's headless chromium and returns the DOM after its scripts ran, with the browser's console log.</summary>
internal static class Chromium
{
    public static (string Dom, string Console) DumpDom(string htmlFile)
    {
        var exe = DebianTool.Require("chromium", "chromium");
        var profile = Path.Combine(Path.GetTempPath(), $"persona-chromium-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
            $"--user-data-dir={profile}", "--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish rendering {htmlFile} in 90 s");
            }
            return (dom, stderr.Result);
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
    }
}
