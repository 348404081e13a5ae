using Persona.Spec.Platforms;

namespace Persona.Cli;

/// <summary>Loads the platform a command runs on: the given file, or the embedded default.</summary>
public static class PlatformSource
{
    /// <summary>The platform in <paramref name="file"/>, or the embedded default when null; a bad file throws <see cref="PlatformFileException"/>.</summary>
    public static Platform Load(FileInfo? file) => file is null ? DefaultPlatform.Load() : PlatformParser.ParseFile(file.FullName);
}
