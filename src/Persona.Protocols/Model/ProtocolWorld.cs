using Persona.Spec;
using Persona.Spec.Concrete;
using Persona.Spec.Platforms;

namespace Persona.Protocols.Model;

/// <summary>The tiny platform the protocol models run on (a few pages per region), so the spec monitors stay cheap.</summary>
public static class ProtocolWorld
{
    /// <summary>The platform text: one page each for the hypervisor, key store and quotas, three pages per persona, three devices.</summary>
    public const string PlatformText = """
        platform name=protocols
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

    /// <summary>The display (follows the foreground).</summary>
    public const long Display = 0;

    /// <summary>The camera (exclusive, work's at boot).</summary>
    public const long Camera = 1;

    /// <summary>The personal page the personal persona lends to work as the notification channel.</summary>
    public const long ChannelPage = 0x40006;

    /// <summary>The personal page the personal persona balloons out to the hypervisor and takes back.</summary>
    public const long BalloonPage = 0x40005;

    /// <summary>The number of physical cores.</summary>
    public const int Cores = 2;

    /// <summary>The concrete reading of the spec on this platform (shared by all iterations and workers; it is read-only).</summary>
    public static ConcreteSpec Spec { get; } = new(SpecModel.Default, PlatformWorld.Of(PlatformParser.Parse(PlatformText, "protocols.platform")));

    /// <summary>Every page id of the platform.</summary>
    public static IReadOnlyList<long> Pages => Spec.World.Pages;

    /// <summary>Every device id of the platform.</summary>
    public static IReadOnlyList<long> Devices => Spec.World.Devices;
}
