namespace Persona.Arm.Contracts;

/// <summary>Told of every exception a core takes, for <c>--trace-exceptions</c>, conformance diffs, and the hypervisor's validator.</summary>
public interface IExceptionObserver
{
    /// <summary>Called after the core has entered the exception (ESR/FAR/ELR/SPSR written, PC at the vector).</summary>
    void OnExceptionTaken(in ExceptionRecord record);
}

/// <summary>One exception as taken: where from, where to, and the syndrome registers written.</summary>
/// <param name="CoreId">The core that took it.</param>
/// <param name="Kind">Synchronous, IRQ, FIQ or SError.</param>
/// <param name="FromLevel">The exception level it was taken from.</param>
/// <param name="ToLevel">The exception level it was taken to.</param>
/// <param name="Syndrome">The ESR value written (0 for asynchronous exceptions).</param>
/// <param name="FaultAddress">The FAR value written, when the exception class sets it.</param>
/// <param name="IntermediatePhysicalFaultAddress">The HPFAR_EL2 value written (stage-2 faults taken to EL2: FIPA, IPA[51:12], in bits [43:4]), else 0.</param>
/// <param name="ReturnAddress">The ELR value written.</param>
/// <param name="SavedProgramStatus">The SPSR value written.</param>
/// <param name="VectorAddress">The vector the core jumped to.</param>
public readonly record struct ExceptionRecord(
    int CoreId,
    ExceptionKind Kind,
    int FromLevel,
    int ToLevel,
    ulong Syndrome,
    ulong FaultAddress,
    ulong IntermediatePhysicalFaultAddress,
    ulong ReturnAddress,
    ulong SavedProgramStatus,
    ulong VectorAddress);

/// <summary>The four exception types, in vector-table order.</summary>
public enum ExceptionKind
{
    /// <summary>A synchronous exception (vector offset +0x000).</summary>
    Synchronous = 0,

    /// <summary>An IRQ or virtual IRQ (vector offset +0x080).</summary>
    Irq = 1,

    /// <summary>An FIQ or virtual FIQ (vector offset +0x100).</summary>
    Fiq = 2,

    /// <summary>An SError or virtual SError (vector offset +0x180).</summary>
    SError = 3,
}
