namespace Persona.Arm.Isa;

/// <summary>The semantics group an instruction's implementation lives in (one partial file of the core per group).</summary>
public enum InstructionGroup
{
    /// <summary>Integer data processing (Semantics/Core.Alu.cs).</summary>
    Alu,

    /// <summary>Loads, stores, exclusives and atomics (Semantics/Core.Memory.cs).</summary>
    Memory,

    /// <summary>Branches, exception generation and return (Semantics/Core.Branch.cs).</summary>
    Branch,

    /// <summary>Hints, barriers, system registers and maintenance (Semantics/Core.System.cs).</summary>
    System,

    /// <summary>FP and SIMD: access traps only (Semantics/Core.System.cs).</summary>
    FpSimd,
}

/// <summary>The operand layout of an instruction row, naming the <c>readonly struct</c> view its semantics read.</summary>
public enum OperandForm
{
    /// <summary>No operands read from the word (or the undefined row).</summary>
    None,

    /// <summary>Rd, Rn and a 12-bit immediate with optional shift (<see cref="ImmediateOperands"/>).</summary>
    AddSubImmediate,

    /// <summary>Rd, Rn and N:immr:imms (<see cref="ImmediateOperands"/>).</summary>
    BitmaskImmediate,

    /// <summary>Rd and a 16-bit immediate with hw shift (<see cref="ImmediateOperands"/>).</summary>
    WideImmediate,

    /// <summary>Rd and a 21-bit PC-relative immediate (<see cref="ImmediateOperands"/>).</summary>
    PcRelative,

    /// <summary>Rd, Rn, Rm with shift or extend, or Ra (<see cref="RegisterOperands"/>).</summary>
    Registers,

    /// <summary>Conditional compare or select (<see cref="RegisterOperands"/>).</summary>
    Conditional,

    /// <summary>A branch offset of 26, 19 or 14 bits (<see cref="BranchOperands"/>).</summary>
    BranchImmediate,

    /// <summary>A branch to Rn (<see cref="BranchOperands"/>).</summary>
    BranchRegister,

    /// <summary>A 16-bit exception-generation immediate (<see cref="SystemOperands"/>).</summary>
    ExceptionImmediate,

    /// <summary>op0, op1, CRn, CRm, op2, Rt (<see cref="SystemOperands"/>).</summary>
    SystemRegister,

    /// <summary>Rt, Rn and an offset, index or register (<see cref="MemoryOperands"/>).</summary>
    LoadStore,

    /// <summary>Rt, Rt2, Rn and a scaled 7-bit offset (<see cref="MemoryOperands"/>).</summary>
    LoadStorePair,

    /// <summary>Rs, Rt, Rt2, Rn for exclusives and atomics (<see cref="MemoryOperands"/>).</summary>
    LoadStoreExclusive,
}
