using Persona.Spec.Concrete;
using Persona.Spec.Platforms;

namespace Persona.Spec.Tests;

/// <summary>A small platform (a few pages per region) so concrete runs are quick.</summary>
internal static class TestWorlds
{
    public const string SmallPlatformText = """
        platform name=tiny
        ram base=0x40000000 size=40KiB
        region name=hyp kind=hypervisor base=0x40000000 size=4KiB
        region name=key kind=keystore base=0x40001000 size=4KiB
        region name=pool-personal kind=pool-personal base=0x40002000 size=4KiB
        region name=pool-work kind=pool-work base=0x40003000 size=4KiB
        region name=personal kind=personal base=0x40004000 size=12KiB
        region name=work kind=work base=0x40007000 size=12KiB
        device name=display kind=foreground mmio=0x0a100000 irq=64 dma=yes
        device name=camera kind=exclusive mmio=0x0a101000 irq=65 dma=yes
        device name=modem kind=mediated mmio=0x0a102000 irq=66 dma=yes
        assign device=display to=personal
        assign device=camera to=work
        partition persona=personal first-block=0 blocks=100
        partition persona=work first-block=100 blocks=100 encrypted=yes
        """;

    public const long PersonalPage = 0x40004;
    public const long WorkPage = 0x40007;
    public const long PoolPage = 0x40002;
    public const long KeyPage = 0x40001;
    public const long Display = 0;
    public const long Camera = 1;
    public const long Modem = 2;

    public static Platform SmallPlatform() => PlatformParser.Parse(SmallPlatformText, "tiny.platform");

    public static World Small() => PlatformWorld.Of(SmallPlatform());
}
