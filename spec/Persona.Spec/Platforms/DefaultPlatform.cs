namespace Persona.Spec.Platforms;

/// <summary>The embedded default platform: a 2011 dual-persona handset (spec/platforms/handset-2011.platform).</summary>
public static class DefaultPlatform
{
    /// <summary>The platform file's text, embedded in the assembly.</summary>
    public static string Text => EmbeddedPlatforms.Text("handset-2011.platform");

    /// <summary>The default platform, parsed and checked.</summary>
    public static Platform Load() => EmbeddedPlatforms.Load("handset-2011.platform");
}

/// <summary>The platform files embedded from spec/platforms/: the default handset and a tiny one for quick concrete runs.</summary>
public static class EmbeddedPlatforms
{
    /// <summary>The tiny platform (a few pages per region; display, camera, modem).</summary>
    public static Platform Tiny() => Load("tiny.platform");

    /// <summary>An embedded platform file's text.</summary>
    public static string Text(string fileName)
    {
        using var stream = typeof(EmbeddedPlatforms).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"the platform {fileName} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>An embedded platform, parsed and checked.</summary>
    public static Platform Load(string fileName) => PlatformParser.Parse(Text(fileName), $"embedded:{fileName}");
}
