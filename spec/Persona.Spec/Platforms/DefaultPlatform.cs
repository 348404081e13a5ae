namespace Persona.Spec.Platforms;

/// <summary>The embedded default platform: a 2011 dual-persona handset (spec/platforms/handset-2011.platform).</summary>
public static class DefaultPlatform
{
    /// <summary>The platform file's text, embedded in the assembly.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(DefaultPlatform).Assembly.GetManifestResourceStream("handset-2011.platform")
                ?? throw new InvalidOperationException("the default platform is not embedded");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>The default platform, parsed and checked.</summary>
    public static Platform Load() => PlatformParser.Parse(Text, "embedded:handset-2011.platform");
}
