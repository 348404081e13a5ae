using Persona.Arm.Contracts;
using Persona.Arm.Cpu;

namespace Persona.Arm.Tests.Cpu.Support;

/// <summary>One core on a test bus with WFI-parking vector tables, stage-2 and stage-1 table builders, and an exception log.</summary>
/// <remarks>Layout (all in RAM at 0x4000_0000, 8 MiB): guest code at 0x4000_0000, EL2 vectors at 0x4010_0000, EL1
/// vectors at 0x4010_1000, data at 0x4040_0000.., page tables from 0x4070_0000. Every vector is "wfi; b .", so a
/// run stops at the first exception with the core waiting and the syndrome registers ready to inspect.</remarks>
public sealed class GuestHarness
{
    public const ulong CodeAddress = 0x4000_0000;
    public const ulong El2Vectors = 0x4010_0000;
    public const ulong El1Vectors = 0x4010_1000;
    public const ulong DataAddress = 0x4040_0000;
    public const ulong TableArea = 0x4070_0000;

    /// <summary>VTCR_EL2 for a 4 GiB IPA space starting at level 1, 40-bit PA (the reference's QEMU-checked value).</summary>
    public const ulong Vtcr4GiB = 0x8002_3560;

    private ulong nextTable = TableArea;

    public GuestHarness(int cores = 1)
    {
        Bus = new TestBus();
        Platform = new TestPlatform();
        Cores = [.. Enumerable.Range(0, cores).Select(i => new Core(i, Bus, Platform, []))];
        foreach (var core in Cores)
            core.ExceptionObserver = Log;
        var vectors = Toolchain.AssembleFlat(".rept 16\nwfi\nb .\n.balign 128\n.endr\n", El2Vectors);
        Bus.Load(El2Vectors, vectors);
        Bus.Load(El1Vectors, vectors);
        foreach (var core in Cores)
        {
            core.WriteSystemRegister(SystemRegister.VbarEl2, El2Vectors);
            core.WriteSystemRegister(SystemRegister.VbarEl1, El1Vectors);
        }
    }

    public TestBus Bus { get; }

    public TestPlatform Platform { get; }

    public Core[] Cores { get; }

    public Core Core => Cores[0];

    public ExceptionLog Log { get; } = new();

    /// <summary>The last exception taken.</summary>
    public ExceptionRecord Last => Log.Records[^1];

    /// <summary>Assembles code and loads it at an address.</summary>
    public void LoadCode(string assembly, ulong address = CodeAddress) => Bus.Load(address, Toolchain.AssembleFlat(assembly, address));

    /// <summary>Starts the core at the code address in an EL (SPx, DAIF masked) with the given HCR_EL2.</summary>
    public void Start(int exceptionLevel, HcrBits hcr = HcrBits.RW, Core? core = null)
    {
        core ??= Core;
        var vbar2 = core.ReadSystemRegister(SystemRegister.VbarEl2);
        var vbar1 = core.ReadSystemRegister(SystemRegister.VbarEl1);
        var vttbr = core.ReadSystemRegister(SystemRegister.VttbrEl2);
        var vtcr = core.ReadSystemRegister(SystemRegister.VtcrEl2);
        core.Reset(CodeAddress, exceptionLevel);
        core.WriteSystemRegister(SystemRegister.VbarEl2, vbar2);
        core.WriteSystemRegister(SystemRegister.VbarEl1, vbar1);
        core.WriteSystemRegister(SystemRegister.VtcrEl2, vtcr);
        core.WriteSystemRegister(SystemRegister.VttbrEl2, vttbr);
        core.WriteSystemRegister(SystemRegister.HcrEl2, (ulong)hcr);
        core.SetStackPointer(exceptionLevel, DataAddress + 0x10_0000);
    }

    /// <summary>Runs until the core parks in WFI (normally in a vector after an exception).</summary>
    public StepResult RunToWfi(Core? core = null, int budget = 100_000)
    {
        var result = (core ?? Core).Run(budget);
        if (result.Reason != StopReason.WaitingForInterrupt)
            throw new InvalidOperationException($"expected the core to park in WFI, got {result.Reason} at pc 0x{(core ?? Core).Pc:x}");
        return result;
    }

    /// <summary>A zeroed 4 KiB table page.</summary>
    public ulong AllocateTable()
    {
        var table = nextTable;
        nextTable += 0x1000;
        Bus.Load(table, new byte[0x1000]);
        return table;
    }

    /// <summary>Creates a stage-2 level-1 root (4 GiB IPA) and programs VTTBR_EL2 (with the VMID) and VTCR_EL2 on every core.</summary>
    public ulong CreateStage2(ushort vmid = 1)
    {
        var root = AllocateTable();
        foreach (var core in Cores)
        {
            core.WriteSystemRegister(SystemRegister.VtcrEl2, Vtcr4GiB);
            core.WriteSystemRegister(SystemRegister.VttbrEl2, ((ulong)vmid << 48) | root);
        }
        return root;
    }

    /// <summary>Stage-2 block or page descriptor: Normal write-back, inner shareable, AF set unless cleared, S2AP as given.</summary>
    public static ulong Stage2Leaf(ulong pa, int s2ap, bool page = false, bool accessFlag = true, bool executeNever = false) =>
        pa | (page ? 3UL : 1UL) | (0xFUL << 2) | ((ulong)s2ap << 6) | (3UL << 8) | (accessFlag ? 1UL << 10 : 0) | (executeNever ? 1UL << 54 : 0);

    /// <summary>Writes a descriptor into a table.</summary>
    public void SetDescriptor(ulong table, int index, ulong descriptor) => Bus.Write64(table + (ulong)(index * 8), descriptor);

    /// <summary>A level-2 table under a level-1 root for the GiB containing <paramref name="address"/>, created on demand.</summary>
    public ulong Level2Table(ulong root, ulong address)
    {
        var index = (int)((address >> 30) & 511);
        var existing = Bus.Read64(root + (ulong)(index * 8));
        if ((existing & 3) == 3)
            return existing & 0x0000_FFFF_FFFF_F000;
        var table = AllocateTable();
        SetDescriptor(root, index, table | 3);
        return table;
    }

    /// <summary>Maps a 2 MiB stage-2 block (IPA to PA) with S2AP.</summary>
    public void MapStage2Block(ulong root, ulong ipa, ulong pa, int s2ap = 3, bool accessFlag = true) =>
        SetDescriptor(Level2Table(root, ipa), (int)((ipa >> 21) & 511), Stage2Leaf(pa, s2ap, accessFlag: accessFlag));

    /// <summary>Identity-maps the test RAM (8 MiB) read-write at stage 2 in 2 MiB blocks.</summary>
    public void MapRamIdentityStage2(ulong root)
    {
        for (var ipa = TestBus.RamBase; ipa < TestBus.RamBase + (8 << 20); ipa += 2 << 20)
            MapStage2Block(root, ipa, ipa);
    }
}
