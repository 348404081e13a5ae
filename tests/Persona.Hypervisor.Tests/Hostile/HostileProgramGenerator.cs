using System.Buffers.Binary;
using static Persona.Hypervisor.Tests.Hostile.A64;

namespace Persona.Hypervisor.Tests.Hostile;

/// <summary>What the generator may do.</summary>
/// <param name="Vcpus">How many vCPU programs to generate (the work persona has one vCPU per core).</param>
/// <param name="AttackDeclaredChannels">Whether the program may also use the interactions the spec declares between the personas
/// (storing into the page the personal persona lends, holding the exclusive devices its day asks for): when false, the personal
/// persona's observations must be exactly those of a run where work idles.</param>
/// <param name="MinActions">The fewest actions per vCPU.</param>
/// <param name="MaxActions">The most actions per vCPU.</param>
internal sealed record HostileProfile(int Vcpus = 1, bool AttackDeclaredChannels = false, int MinActions = 60, int MaxActions = 160);

/// <summary>Generates a hostile EL1 program from a seed, biased towards what hurts a hypervisor: system registers of every level,
/// hypercalls and PSCI calls with hostile arguments, loads and stores of every shape aimed at foreign memory and MMIO, hostile virtqueues,
/// cache/TLB/AT maintenance, WFI/WFE, crafted exception returns, exceptions at EL1, stack tricks, self-modifying code, SGI and
/// timer storms. Deterministic: one seed, one program.</summary>
internal sealed partial class HostileProgramGenerator
{
    private const int Scratch = 28;   // the vectors' scratch register
    private const int Address = 27;   // the base register of memory actions
    private const int Counter = 26;   // loop counters
    private const int Value = 9;      // the value an action writes
    private const int Second = 10;    // a second operand

    private readonly Random random;
    private readonly HostileProfile profile;
    private readonly List<uint> code = [];
    private readonly List<HostileAction> listing = [];
    private ulong region;

    private HostileProgramGenerator(int seed, HostileProfile profile)
    {
        random = new Random(seed);
        this.profile = profile;
    }

    /// <summary>The program for a seed.</summary>
    public static HostileProgram Generate(int seed, HostileProfile? profile = null)
    {
        profile ??= new HostileProfile();
        var generator = new HostileProgramGenerator(seed, profile);
        var regions = new byte[profile.Vcpus][];
        var listings = new IReadOnlyList<HostileAction>[profile.Vcpus];
        for (var vcpu = 0; vcpu < profile.Vcpus; vcpu++)
            (regions[vcpu], listings[vcpu]) = generator.GenerateVcpu(vcpu);
        return new HostileProgram(seed, regions, listings);
    }

    /// <summary>The idle program the property compares against: the same entry, then WFI forever.</summary>
    public static HostileProgram Idle(int vcpus)
    {
        var regions = new byte[vcpus][];
        for (var vcpu = 0; vcpu < vcpus; vcpu++)
        {
            regions[vcpu] = new byte[HostileLayout.RegionBytes];
            BinaryPrimitives.WriteUInt32LittleEndian(regions[vcpu], Wfi);
            BinaryPrimitives.WriteUInt32LittleEndian(regions[vcpu].AsSpan(4), Branch(-1));
        }
        return new HostileProgram(-1, regions, [.. Enumerable.Range(0, vcpus).Select(v => (IReadOnlyList<HostileAction>)[new HostileAction(HostileLayout.RegionOf(v), "idle: wfi; b .-4")])]);
    }

    /// <summary>A hand-written program for regression tests: the same prologue, vectors and data as a generated one, then
    /// <paramref name="body"/>, then WFI forever.</summary>
    public static HostileProgram Directed(string what, IEnumerable<uint> body)
    {
        var generator = new HostileProgramGenerator(0, new HostileProfile());
        generator.region = HostileLayout.RegionOf(0);
        generator.Prologue();
        generator.Note(what);
        generator.Emit(body);
        generator.Note("idle (wfi; b .-4)");
        generator.Emit(Wfi);
        generator.Emit(Branch(-1));
        return new HostileProgram(-1, [generator.Image()], [[.. generator.listing]]);
    }

    private (byte[] Region, IReadOnlyList<HostileAction> Listing) GenerateVcpu(int vcpu)
    {
        code.Clear();
        listing.Clear();
        region = HostileLayout.RegionOf(vcpu);
        Prologue();
        var actions = random.Next(profile.MinActions, profile.MaxActions + 1);
        for (var i = 0; i < actions && code.Count * 4 < HostileLayout.CodeBytes - 1024; i++)
            Act();
        Finale();
        return (Image(), [.. listing]);
    }

    /// <summary>The region image: the code so far, the vectors, the identity map and the hostile virtqueue.</summary>
    private byte[] Image()
    {
        var image = new byte[HostileLayout.RegionBytes];
        for (var i = 0; i < code.Count; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(i * 4), code[i]);
        WriteVectors(image.AsSpan(HostileLayout.VectorsOffset));
        WriteIdentityTable(image.AsSpan(HostileLayout.IdentityTableOffset));
        WriteHostileQueue(image);
        return image;
    }

    private ulong Here => region + ((ulong)code.Count * 4);

    private void Note(string what) => listing.Add(new HostileAction(Here, what));

    private void Emit(uint word) => code.Add(word);

    private void Emit(IEnumerable<uint> words) => code.AddRange(words);

    private void Load(int register, ulong value) => Emit(Mov(register, value));

    /// <summary>Its own vectors and a stack: the program's exceptions come back to it (until it breaks them itself).</summary>
    private void Prologue()
    {
        Note("prologue: VBAR_EL1 = own vectors, SP = own stack");
        Load(Scratch, region + HostileLayout.VectorsOffset);
        Emit(Msr(new SysEncoding(3, 0, 12, 0, 0), Scratch));
        Emit(Isb);
        Load(Scratch, region + HostileLayout.StackTop);
        Emit(AddImmediate(31, Scratch, 0));
    }

    /// <summary>How the program ends if it gets there: idle, spin with interrupts masked (never trapping), or power off.</summary>
    private void Finale()
    {
        switch (random.Next(10))
        {
            case < 6:
                Note("finale: idle (wfi; b .-4)");
                Emit(Wfi);
                Emit(Branch(-1));
                break;
            case < 8:
                Note("finale: spin with every interrupt masked, never trapping (b .)");
                Emit(DaifSet(15));
                Emit(Branch(0));
                break;
            default:
                var (name, id) = random.Next(2) == 0 ? ("SYSTEM_OFF", 0x8400_0008UL) : ("SYSTEM_RESET", 0x8400_0009UL);
                Note($"finale: SMC PSCI {name}, then idle");
                Load(0, id);
                Emit(Smc(0));
                Emit(Wfi);
                Emit(Branch(-1));
                break;
        }
    }

    /// <summary>Each synchronous exception skips the instruction that took it (from a lower EL it comes back to EL1h); each IRQ is
    /// acknowledged, ended, and the virtual timer stopped (a storm re-arms it); FIQ and SError return at once.</summary>
    private static void WriteVectors(Span<byte> vectors)
    {
        // Skip to the next aligned instruction, and return without PSTATE.IL and SS (else an illegal return or a step would loop).
        uint[] skip = [Mrs(new(3, 0, 4, 0, 1), Scratch), AlignX28, AddImmediate(Scratch, Scratch, 4), Msr(new(3, 0, 4, 0, 1), Scratch)];
        uint[] sync = [.. skip, Mrs(new(3, 0, 4, 0, 0), Scratch), ClearIllegalAndStepX28, Msr(new(3, 0, 4, 0, 0), Scratch), Eret];
        uint[] lowerSync = [.. skip, Movz(Scratch, 0x3c5, 0), Msr(new(3, 0, 4, 0, 0), Scratch), Eret];
        uint[] irq = [Mrs(new(3, 0, 12, 12, 0), Scratch), Msr(new(3, 0, 12, 12, 1), Scratch), Msr(new(3, 3, 14, 3, 1), 31), Isb, Eret];
        uint[] other = [Eret];
        for (var entry = 0; entry < 16; entry++)
        {
            var words = (entry % 4) switch
            {
                0 => entry >= 8 ? lowerSync : sync,
                1 => irq,
                _ => other,
            };
            for (var i = 0; i < words.Length; i++)
                BinaryPrimitives.WriteUInt32LittleEndian(vectors[((entry * 0x80) + (i * 4))..], words[i]);
        }
    }

    /// <summary>Level-1 block descriptors mapping VA = PA for the low 4 GiB: MMIO as Device (MAIR index 1), RAM as Normal (index 0).</summary>
    private static void WriteIdentityTable(Span<byte> table)
    {
        for (ulong gib = 0; gib < 4; gib++)
        {
            var attribute = gib is 1 or 2 ? 0UL : 1UL;
            var descriptor = (gib << 30) | (1UL << 10) | (3UL << 8) | (attribute << 2) | 1;
            BinaryPrimitives.WriteUInt64LittleEndian(table[(int)(gib * 8)..], descriptor);
        }
    }

    /// <summary>Sixteen descriptors with hostile addresses, lengths, flags and chains (loops included), a driver ring whose index and
    /// entries run past the queue, and a device ring, all in the program's own RAM for the block device to read.</summary>
    private void WriteHostileQueue(byte[] image)
    {
        for (var d = 0; d < 16; d++)
        {
            var at = image.AsSpan(HostileLayout.DescriptorsOffset + (d * 16));
            BinaryPrimitives.WriteUInt64LittleEndian(at, random.Next(3) == 0 ? region + (ulong)HostileLayout.DescriptorsOffset + (ulong)random.Next(0x3000) : AddressValue());
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], random.Next(4) switch { 0 => 16, 1 => 512, 2 => (uint)random.Next(), _ => 0xFFFF_FFFF });
            BinaryPrimitives.WriteUInt16LittleEndian(at[12..], (ushort)random.Next(8));
            BinaryPrimitives.WriteUInt16LittleEndian(at[14..], (ushort)(random.Next(4) == 0 ? random.Next() : random.Next(18)));
        }
        var ring = image.AsSpan(HostileLayout.DriverRingOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(ring[2..], (ushort)random.Next());
        for (var i = 0; i < 32; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(ring[(4 + (2 * i))..], (ushort)(random.Next(3) == 0 ? random.Next() : random.Next(17)));
    }

    /// <summary>A value biased to edges and addresses.</summary>
    private ulong AnyValue() => random.Next(10) switch
    {
        0 => 0,
        1 => 1,
        2 => ulong.MaxValue,
        3 => 0x8000_0000_0000_0000,
        4 => 0x7FFF_FFFF_FFFF_FFFF,
        5 => AddressValue(),
        6 => (ulong)random.Next(0x10000),
        7 => 1UL << random.Next(64),
        8 => (uint)random.Next() | ((ulong)(uint)random.Next() << 32),
        _ => (uint)random.Next(),
    };

    /// <summary>An IPA biased to where isolation could leak, sometimes misaligned or offset into the page.</summary>
    private ulong AddressValue()
    {
        ulong baseIpa = random.Next(20) switch
        {
            < 11 => HostileTargets.Addresses[random.Next(HostileTargets.Addresses.Length)].Ipa,
            < 13 => region + (ulong)random.Next(HostileLayout.RegionBytes),
            13 => HostileLayout.ProgramIpa + (ulong)random.Next(0x2_0000),
            14 => HypervisorLayout.GuestRamIpa + ((ulong)random.Next(0xE000) << 12),
            15 => HostileTargets.LentChannel,
            16 => (uint)random.Next() & ~0xFFFUL,
            17 => (ulong)random.NextInt64(),
            _ => 0x4200_0000UL + ((ulong)random.Next(0x1_0000) << 12),
        };
        return random.Next(4) switch
        {
            0 => baseIpa,
            1 => baseIpa + (ulong)(random.Next(0x200) * 8),
            2 => baseIpa + (ulong)random.Next(0x1000),
            _ => baseIpa + 0xFF8 + (ulong)random.Next(8),
        };
    }

    private int AnyRegister() => random.Next(26);
}
