using Persona.Arm.Contracts;
using Persona.Arm.Cpu;
using Persona.Arm.Tests.Cpu.Support;

namespace Persona.Arm.Tests.Differential;

/// <summary>Runs a static Linux AArch64 program on our core at EL0 (HCR_EL2.TGE=1, MMU off), serving write and exit at EL2.</summary>
/// <remarks>The syscalls are served by an <see cref="IEl2Handler"/>, which also exercises the core's EL2 hook: the
/// SVC is taken to EL2 (TGE routes it there), the handler acts, and the core returns to EL0 as ERET would.</remarks>
public sealed class UserModeCore : IEl2Handler
{
    private readonly TestBus bus = new(16 << 20);
    private readonly MemoryStream stdout = new();
    private readonly Core core;
    private string? failure;

    public UserModeCore(byte[] elf)
    {
        core = new Core(0, bus, new TestPlatform(), []);
        var entry = ElfSegments.LoadInto(bus, elf);
        core.Reset(entry, 0);
        core.WriteSystemRegister(SystemRegister.HcrEl2, (ulong)(HcrBits.RW | HcrBits.TGE));
        // What Linux gives EL0: cache maintenance, DC ZVA, CTR_EL0 and WFI/WFE untrapped, FP/SIMD enabled.
        var sctlr = core.ReadSystemRegister(SystemRegister.SctlrEl1)
            | (ulong)(SctlrBits.UCI | SctlrBits.UCT | SctlrBits.DZE | SctlrBits.nTWI | SctlrBits.nTWE);
        core.WriteSystemRegister(SystemRegister.SctlrEl1, sctlr);
        core.WriteSystemRegister(SystemRegister.CpacrEl1, 3UL << 20);
        core.El2Handler = this;
    }

    /// <summary>Runs to exit (or the instruction limit) and returns what the program wrote to stdout.</summary>
    public byte[] Run(long instructionLimit)
    {
        long executed = 0;
        while (executed < instructionLimit)
        {
            var result = core.Run(1_000_000);
            executed += result.Executed;
            if (failure is not null)
                throw new InvalidOperationException(failure);
            if (result.Reason == StopReason.StopRequested)
                return stdout.ToArray();
        }
        throw new InvalidOperationException($"program did not exit within {instructionLimit} instructions (pc 0x{core.Pc:x})");
    }

    public void HandleException(Core origin, in ExceptionRecord record)
    {
        var exceptionClass = (int)(record.Syndrome >> 26);
        if (exceptionClass != 0x15)
        {
            failure = $"unexpected exception at 0x{record.ReturnAddress:x}: ESR 0x{record.Syndrome:x}, FAR 0x{record.FaultAddress:x}";
            origin.RequestStop();
            return;
        }
        switch (origin.GetX(8))
        {
            case 64:
                var address = origin.GetX(1);
                var length = (int)origin.GetX(2);
                stdout.Write(bus.Ram.Bytes, (int)(address - TestBus.RamBase), length);
                origin.SetX(0, (ulong)length);
                break;
            case 93 or 94:
                origin.RequestStop();
                break;
            default:
                failure = $"unsupported syscall {origin.GetX(8)}";
                origin.RequestStop();
                break;
        }
    }
}
