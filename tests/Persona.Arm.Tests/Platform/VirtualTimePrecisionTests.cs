using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Platform;
using Persona.Arm.Platform.Devices;
using Persona.Arm.Tests.Cpu.Support;
using Persona.TestSupport;

namespace Persona.Arm.Tests.Platform;

/// <summary>Virtual time inside a slice: counter reads see the instructions retired so far, and a timer programmed mid-slice fires on time.</summary>
/// <remarks>Each test runs the interpreter core on the machine with the default 1,000-instruction quantum, so anything only
/// updated at slice boundaries would be hundreds of instructions off.</remarks>
public sealed class VirtualTimePrecisionTests
{
    private const ulong Entry = PlatformMap.RamBase + 0x1_0000;
    private const ulong Vectors = PlatformMap.RamBase + 0x2_0000;

    private static (Machine Machine, Core Core) MachineRunning(string code, ulong ticksPerInstruction = 1)
    {
        var machine = new Machine(new MachineOptions { RamSize = 1 << 20, TicksPerInstruction = ticksPerInstruction }, InterpreterCore.Factory(), Stream.Null);
        var bytes = Toolchain.AssembleFlat(code, Entry);
        bytes.CopyTo(machine.Bus.Ram.SpanForWrite(Entry, bytes.Length));
        // EL2 vectors: an IRQ from EL2 (current EL, SPx: +0x280) reads the counter into x5 and parks; anything else parks.
        var vectors = Toolchain.AssembleFlat(".rept 16\nmrs x5, cntpct_el0\nwfi\nb .\n.balign 128\n.endr\n", Vectors);
        vectors.CopyTo(machine.Bus.Ram.SpanForWrite(Vectors, vectors.Length));
        machine.Start(Entry);
        var core = ((InterpreterCore)machine.Cores[0]).Core;
        core.WriteSystemRegister(SystemRegister.VbarEl2, Vectors);
        return (machine, core);
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void CounterReadTwice_AroundNInstructions_DiffersByNPlusOneInstructionsOfTicks()
    {
        foreach (var ticksPerInstruction in new ulong[] { 1, 3 })
        {
            // 300 NOPs put the second read far from any slice boundary's granularity; the reads are 301 instructions apart.
            var (machine, core) = MachineRunning("nop\nmrs x1, cntvct_el0\n.rept 300\nnop\n.endr\nmrs x2, cntvct_el0\nwfi", ticksPerInstruction);
            machine.Run(maxInstructions: 10_000);
            Assert.Equal(1 * ticksPerInstruction, core.GetX(1));
            Assert.Equal(301 * ticksPerInstruction, core.GetX(2) - core.GetX(1));
        }
    }

    [RequiresToolFact("aarch64-linux-gnu-as", Toolchain.BinutilsPackage)]
    public void TimerProgrammedMidSlice_InterruptsAtItsDeadline_NotAtTheSliceEnd()
    {
        // The EL2 timer (PPI 26) is set to fire 100 ticks after the first counter read, then the core spins with IRQs unmasked.
        var (machine, core) = MachineRunning(
            "mrs x1, cntpct_el0\nadd x2, x1, #100\nmsr cnthp_cval_el2, x2\nmov x3, #1\nmsr cnthp_ctl_el2, x3\nmsr daifclr, #2\n1: add x4, x4, #1\nb 1b");
        core.WriteSystemRegister(SystemRegister.HcrEl2, (ulong)(HcrBits.RW | HcrBits.IMO));
        machine.Gic.Distributor.TryWrite(0, 0, 4, 0x13);
        machine.Gic.Redistributors.TryWrite(0, 0x10080, 4, 0xFFFF_FFFF);
        machine.Gic.Redistributors.TryWrite(0, 0x10100, 4, 1u << PlatformMap.HypervisorTimerInterrupt);
        machine.Gic.TryWrite(new SystemRegisterAccess(0, 2, 0, new SystemRegisterKey((int)GicSystemRegister.IccPmrEl1)), 0xFF);
        machine.Gic.TryWrite(new SystemRegisterAccess(0, 2, 0, new SystemRegisterKey((int)GicSystemRegister.IccIgrpen1El1)), 1);

        machine.Run(maxInstructions: 5_000);

        // The IRQ vector ran (it spins in "wfi; b ." since the timer's level stays asserted).
        Assert.InRange(core.Pc, Vectors + 0x284, Vectors + 0x288);
        // 100 instructions ran before it: 6 of set-up, then 47 loop iterations of 2; it returns to the loop's add.
        Assert.Equal(47UL, core.GetX(4));
        Assert.Equal(Entry + 24, core.ReadSystemRegister(SystemRegister.ElrEl2));
        // The IRQ is taken at the first instruction boundary where the count has reached the deadline, to the tick.
        Assert.Equal(core.GetX(1) + 100, core.GetX(5));
    }
}
