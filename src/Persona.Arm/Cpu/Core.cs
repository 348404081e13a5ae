using System.Runtime.CompilerServices;
using Persona.Arm.Contracts;
using Persona.Arm.Memory;

namespace Persona.Arm.Cpu;

/// <summary>One AArch64 core with EL0–EL2: registers, PSTATE, system registers, MMU with TLB, exceptions and the interpreter.</summary>
/// <remarks>Not thread-safe: the platform's scheduler runs cores one at a time, which is what makes runs reproducible.
/// The partial files split it by aspect: Run (the step loop), Exceptions, Interrupts, SystemRegisters, Mmu, and the
/// instruction semantics under Isa/Semantics.</remarks>
public sealed partial class Core : IInterruptSink, IGeneralRegisters
{
    private readonly IPhysicalBus bus;
    private readonly IPlatformServices platform;
    private readonly ISystemRegisterDevice[] systemRegisterDevices;
    private readonly RamRegion ram;
    private readonly DecodedCodeCache codeCache;
    private readonly ulong[] systemRegisters = new ulong[(int)SystemRegister.Count];
    private GeneralRegisterFile x;
    private StackPointerBank stackPointers;
    private ulong pc;
    private uint nzcv;
    private ulong daif;
    private int exceptionLevel;
    private bool spSelect;
    private bool illegalState;
    private bool eventRegister;

    /// <summary>Creates a powered-on core at EL2 with PC 0; the platform calls <see cref="Reset"/> with the real entry.</summary>
    public Core(int coreId, IPhysicalBus bus, IPlatformServices platform, IReadOnlyList<ISystemRegisterDevice> systemRegisterDevices)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(systemRegisterDevices);
        CoreId = coreId;
        this.bus = bus;
        this.platform = platform;
        this.systemRegisterDevices = [.. systemRegisterDevices];
        ram = bus.Ram;
        codeCache = DecodedCodeCache.For(ram);
        Reset(0, 2);
    }

    /// <summary>The core's index on the machine (MPIDR_EL1.Aff0).</summary>
    public int CoreId { get; }

    /// <summary>The program counter.</summary>
    public ulong Pc
    {
        get => pc;
        set => pc = value;
    }

    /// <summary>The current exception level (0, 1 or 2).</summary>
    public int ExceptionLevel => exceptionLevel;

    /// <summary>True while the core sleeps in WFI until an interrupt or <see cref="Wake"/>.</summary>
    public bool IsWaitingForInterrupt { get; private set; }

    /// <summary>True unless the core is off (secondary cores before PSCI CPU_ON, or after <see cref="PowerOff"/>).</summary>
    public bool IsPoweredOn { get; private set; } = true;

    /// <summary>Instructions retired since construction, for the platform's virtual time and statistics.</summary>
    public ulong InstructionsRetired { get; private set; }

    /// <summary>Told of every exception taken, after entry.</summary>
    public IExceptionObserver? ExceptionObserver { get; set; }

    /// <summary>When set, exceptions taken to EL2 run this C# handler instead of the code at VBAR_EL2 (see <see cref="IEl2Handler"/>).</summary>
    public IEl2Handler? El2Handler { get; set; }

    /// <summary>The platform's link to the other cores, for TLBI ... IS and SEV; null on a single-core machine.</summary>
    public ICoreInterconnect? Interconnect { get; set; }

    /// <summary>This core's TLB (exposed for tests and the validator; maintained only by TLBI).</summary>
    public Tlb Tlb { get; } = new();

    /// <summary>PSTATE in SPSR layout (NZCV, IL, DAIF, M[3:0] = EL and SPSel).</summary>
    public ulong Pstate
    {
        get => ReadPstate();
        set => WritePstate(value);
    }

    /// <summary>Resets the core to a given PC and exception level (SPx selected, DAIF masked), as the platform does at power-on.</summary>
    public void Reset(ulong entryPc, int exceptionLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exceptionLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exceptionLevel, 2);
        x = default;
        stackPointers = default;
        foreach (var row in SystemRegisterTable.Rows)
            systemRegisters[(int)row.Register] = row.ResetValue;
        var mpidr = 0x8000_0000UL | (ulong)(uint)CoreId;
        systemRegisters[(int)SystemRegister.MpidrEl1] = mpidr;
        systemRegisters[(int)SystemRegister.VmpidrEl2] = mpidr;
        pc = entryPc;
        nzcv = 0;
        daif = (ulong)PstateBits.Daif;
        this.exceptionLevel = exceptionLevel;
        spSelect = true;
        illegalState = false;
        eventRegister = false;
        IsWaitingForInterrupt = false;
        ClearExclusiveMonitor();
        Tlb.Clear();
        OnTranslationControlChanged();
        RequestAttention();
    }

    /// <summary>Starts a powered-off core as PSCI CPU_ON does: reset at the entry in the current caller's EL convention (EL2 here), x0 = context id.</summary>
    public void PowerOn(ulong entry, ulong contextId)
    {
        Reset(entry, 2);
        x[0] = contextId;
        IsPoweredOn = true;
    }

    /// <summary>Turns the core off (PSCI CPU_OFF); <see cref="Run"/> then returns at once with <see cref="StopReason.PoweredOff"/>.</summary>
    public void PowerOff()
    {
        IsPoweredOn = false;
        RequestAttention();
    }

    /// <summary>Asks a running core to return from <see cref="Run"/> after the current instruction (e.g. on PSCI SYSTEM_OFF).</summary>
    public void RequestStop()
    {
        stopRequested = true;
        RequestAttention();
    }

    /// <inheritdoc/>
    public ulong GetX(int n) => (uint)n < 31 ? x[n] : throw new ArgumentOutOfRangeException(nameof(n), n, "X registers are numbered 0..30");

    /// <inheritdoc/>
    public void SetX(int n, ulong value)
    {
        if ((uint)n >= 31)
            throw new ArgumentOutOfRangeException(nameof(n), n, "X registers are numbered 0..30");
        x[n] = value;
    }

    /// <summary>The stack pointer SP_ELn of an exception level, whichever is selected.</summary>
    public ulong GetStackPointer(int level) => stackPointers[level];

    /// <summary>Sets SP_ELn.</summary>
    public void SetStackPointer(int level, ulong value) => stackPointers[level] = value;

    /// <summary>The stack pointer the current PSTATE selects.</summary>
    public ulong CurrentStackPointer
    {
        get => stackPointers[CurrentSpIndex];
        set => stackPointers[CurrentSpIndex] = value;
    }

    private int CurrentSpIndex => spSelect ? exceptionLevel : 0;

    private ulong ReadPstate()
    {
        var mode = exceptionLevel == 0 ? 0UL : ((ulong)exceptionLevel << 2) | (spSelect ? 1UL : 0UL);
        return nzcv | daif | (illegalState ? (ulong)PstateBits.IL : 0) | mode;
    }

    private void WritePstate(ulong value)
    {
        if (((value >> 2) & 3) == 3 || (value & 0x10) != 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "PSTATE must name EL0, EL1 or EL2 in AArch64 (M[4] = 0, M[3:2] < 3)");
        nzcv = (uint)(value & (ulong)PstateBits.Nzcv);
        daif = value & (ulong)PstateBits.Daif;
        illegalState = (value & (ulong)PstateBits.IL) != 0;
        exceptionLevel = (int)((value >> 2) & 3);
        spSelect = (value & 1) != 0;
        OnTranslationControlChanged();
        RequestAttention();
    }

    /// <summary>X0–X30 plus a zero register at index 31, inline for bounds-check-free access.</summary>
    [InlineArray(32)]
    private struct GeneralRegisterFile
    {
        private ulong element;
    }

    /// <summary>SP_EL0, SP_EL1, SP_EL2 (and an unused fourth slot so the index can be masked).</summary>
    [InlineArray(4)]
    private struct StackPointerBank
    {
        private ulong element;
    }
}
