namespace Persona.Spec.Tests;

/// <summary>The rest of the tiny world's ids (see <see cref="TestWorlds"/>): every page of every region, by role.</summary>
internal static class TinyWorld
{
    public const long HypervisorPage = 0x40000;
    public const long KeyPage = TestWorlds.KeyPage;
    /// <summary>A free page in the personal persona's quota.</summary>
    public const long PersonalPoolPage = TestWorlds.PoolPage;

    /// <summary>A free page in the work persona's quota.</summary>
    public const long WorkPoolPage = 0x40003;
    public const long PersonalPage = TestWorlds.PersonalPage;
    public const long PersonalPage2 = 0x40005;
    public const long PersonalPage3 = 0x40006;
    public const long WorkPage = TestWorlds.WorkPage;
    public const long WorkPage2 = 0x40008;
    public const long WorkPage3 = 0x40009;

    public const long Display = TestWorlds.Display;
    public const long Camera = TestWorlds.Camera;
    public const long Modem = TestWorlds.Modem;

    public static readonly long[] Pages = [.. Enumerable.Range(0, 10).Select(i => 0x40000L + i)];
    public static readonly long[] WorkPages = [WorkPage, WorkPage2, WorkPage3];
    public static readonly long[] PersonalPages = [PersonalPage, PersonalPage2, PersonalPage3];
    public static readonly long[] Devices = [Display, Camera, Modem];
}
