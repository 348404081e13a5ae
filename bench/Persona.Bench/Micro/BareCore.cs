using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Hypervisor;
using Persona.Hypervisor.Memory;
using Persona.Spec.Model;

namespace Persona.Bench.Micro;

/// <summary>One interpreter core at EL1 on a RAM-only bus, running a short program, with the hypervisor's own stage-2 tables when asked.</summary>
/// <remarks>RAM is 32 MiB at 0x4000_0000: the program at its start, the stage-2 table pool at +8 MiB, the data pages at +16 MiB.</remarks>
public sealed class BareCore
{
    /// <summary>The first RAM address (and where the program is written).</summary>
    public const ulong RamBase = 0x4000_0000;

    /// <summary>Where the data pages start (physical address, and IPA under the identity stage 2).</summary>
    public const ulong DataBase = 0x4100_0000;

    /// <summary>How many 4 KiB data pages there are: twice the TLB's entries, so a walk over all of them misses every time.</summary>
    public const int DataPages = 2 * Persona.Arm.Memory.Tlb.Size;

    private const ulong RamSize = 32UL << 20;
    private const ulong TablePoolBase = 0x4080_0000;
    private const ulong TablePoolSize = 4UL << 20;

    /// <summary>A core with <paramref name="program"/> at <see cref="RamBase"/>, reset to it at EL1; stage 2 on when <paramref name="stage2"/>.</summary>
    public BareCore(uint[] program, bool stage2)
    {
        Bus = new RamBus(new RamRegion(RamBase, new byte[RamSize]));
        for (var i = 0; i < program.Length; i++)
            BitConverter.TryWriteBytes(Bus.Ram.Bytes.AsSpan(i * 4), program[i]);
        Tables = new Stage2Tables(Component.Personal, vmid: 1, new TablePool(Bus.Ram, TablePoolBase, TablePoolSize));
        const Stage2Descriptor ram = Stage2Descriptor.NormalMemory | Stage2Descriptor.Read | Stage2Descriptor.Write | Stage2Descriptor.InnerShareable;
        for (var page = RamBase; page < RamBase + RamSize; page += HypervisorLayout.PageSize)
            Tables.Map(page, page, ram);
        Core = new Core(0, Bus, new CounterOnlyPlatform(), []);
        Core.Reset(RamBase, 1);
        if (stage2)
        {
            Core.WriteSystemRegister(SystemRegister.VtcrEl2, HypervisorLayout.Vtcr);
            Core.WriteSystemRegister(SystemRegister.VttbrEl2, Tables.Vttbr);
            Core.WriteSystemRegister(SystemRegister.HcrEl2, (ulong)(HcrBits.RW | HcrBits.VM));
        }
        else
        {
            Core.WriteSystemRegister(SystemRegister.HcrEl2, (ulong)HcrBits.RW);
        }
    }

    /// <summary>The bus (RAM only).</summary>
    public RamBus Bus { get; }

    /// <summary>The identity stage-2 tables over all of RAM, built by the hypervisor's table code.</summary>
    public Stage2Tables Tables { get; }

    /// <summary>The core.</summary>
    public Core Core { get; }

    /// <summary>Runs exactly <paramref name="instructions"/> instructions in slices of <paramref name="quantum"/>, as the machine's scheduler does.</summary>
    /// <exception cref="InvalidOperationException">The program stopped early (it must loop forever).</exception>
    public void Run(int instructions, int quantum = 1000)
    {
        for (var done = 0; done < instructions; done += quantum)
        {
            var slice = Math.Min(quantum, instructions - done);
            var result = Core.Run(slice);
            if (result.Executed != slice)
                throw new InvalidOperationException($"the benchmark program stopped early at PC 0x{Core.Pc:x}: {result}");
        }
    }

    /// <summary>A bus with RAM and no devices.</summary>
    public sealed class RamBus(RamRegion ram) : IPhysicalBus
    {
        /// <inheritdoc/>
        public RamRegion Ram { get; } = ram;

        /// <inheritdoc/>
        public bool TryReadDevice(int coreId, ulong physicalAddress, int size, out ulong value)
        {
            value = 0;
            return false;
        }

        /// <inheritdoc/>
        public bool TryWriteDevice(int coreId, ulong physicalAddress, int size, ulong value) => false;
    }

    /// <summary>Platform services with a stopped counter at the board's frequency and no firmware.</summary>
    public sealed class CounterOnlyPlatform : IPlatformServices
    {
        /// <inheritdoc/>
        public ulong PhysicalCount => 0;

        /// <inheritdoc/>
        public ulong CounterFrequency => Persona.Arm.Platform.PlatformMap.CounterFrequency;

        /// <inheritdoc/>
        public bool TryHandleFirmwareCall(int coreId, IGeneralRegisters registers, bool isSmc) => false;
    }
}
