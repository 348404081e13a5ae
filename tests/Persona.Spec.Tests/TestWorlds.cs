using Persona.Spec.Concrete;
using Persona.Spec.Platforms;

namespace Persona.Spec.Tests;

/// <summary>A small platform (a few pages per region) so concrete runs are quick.</summary>
internal static class TestWorlds
{
    /// <summary>The tiny platform's text (spec/platforms/tiny.platform).</summary>
    public static string SmallPlatformText => EmbeddedPlatforms.Text("tiny.platform");

    public const long PersonalPage = 0x40004;
    public const long WorkPage = 0x40007;
    public const long PoolPage = 0x40002;
    public const long KeyPage = 0x40001;
    public const long Display = 0;
    public const long Camera = 1;
    public const long Modem = 2;

    public static Platform SmallPlatform() => EmbeddedPlatforms.Tiny();

    public static World Small() => PlatformWorld.Of(SmallPlatform());
}
