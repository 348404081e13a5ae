namespace Persona.Arm.Isa;

/// <summary>Every A64 instruction the interpreter knows, one value per row of <see cref="InstructionTable"/>; the step loop switches on it.</summary>
/// <remarks>Zero is reserved for "not yet decoded" so that a cleared decoded-instruction cache needs no separate valid bit.</remarks>
public enum InstructionId : ushort
{
    /// <summary>Reserved: the decoded-instruction cache slot is empty.</summary>
    NotDecoded = 0,

    /// <summary>An unallocated or unimplemented encoding: raises the architectural undefined exception.</summary>
    Undefined,

    // Data processing, immediate.
    /// <summary>ADR.</summary>
    Adr,
    /// <summary>ADRP.</summary>
    Adrp,
    /// <summary>ADD (immediate).</summary>
    AddImmediate,
    /// <summary>ADDS (immediate).</summary>
    AddsImmediate,
    /// <summary>SUB (immediate).</summary>
    SubImmediate,
    /// <summary>SUBS (immediate).</summary>
    SubsImmediate,
    /// <summary>AND (immediate).</summary>
    AndImmediate,
    /// <summary>ORR (immediate).</summary>
    OrrImmediate,
    /// <summary>EOR (immediate).</summary>
    EorImmediate,
    /// <summary>ANDS (immediate).</summary>
    AndsImmediate,
    /// <summary>MOVN.</summary>
    Movn,
    /// <summary>MOVZ.</summary>
    Movz,
    /// <summary>MOVK.</summary>
    Movk,
    /// <summary>SBFM (and its aliases ASR, SXTB, SBFX...).</summary>
    Sbfm,
    /// <summary>BFM (and BFI, BFXIL).</summary>
    Bfm,
    /// <summary>UBFM (and LSL, LSR, UXTB, UBFX...).</summary>
    Ubfm,
    /// <summary>EXTR (and ROR immediate).</summary>
    Extr,

    // Data processing, register.
    /// <summary>AND/BIC (shifted register).</summary>
    AndShifted,
    /// <summary>ORR/ORN (shifted register).</summary>
    OrrShifted,
    /// <summary>EOR/EON (shifted register).</summary>
    EorShifted,
    /// <summary>ANDS/BICS (shifted register).</summary>
    AndsShifted,
    /// <summary>ADD (shifted register).</summary>
    AddShifted,
    /// <summary>ADDS (shifted register).</summary>
    AddsShifted,
    /// <summary>SUB (shifted register).</summary>
    SubShifted,
    /// <summary>SUBS (shifted register).</summary>
    SubsShifted,
    /// <summary>ADD/ADDS/SUB/SUBS (extended register).</summary>
    AddSubExtended,
    /// <summary>ADC/ADCS/SBC/SBCS.</summary>
    AddSubCarry,
    /// <summary>CCMN/CCMP (register).</summary>
    ConditionalCompareRegister,
    /// <summary>CCMN/CCMP (immediate).</summary>
    ConditionalCompareImmediate,
    /// <summary>CSEL/CSINC/CSINV/CSNEG.</summary>
    ConditionalSelect,
    /// <summary>UDIV/SDIV/LSLV/LSRV/ASRV/RORV.</summary>
    DataProcessing2Source,
    /// <summary>RBIT/REV16/REV32/REV/CLZ/CLS.</summary>
    DataProcessing1Source,
    /// <summary>MADD/MSUB/SMADDL/SMSUBL/SMULH/UMADDL/UMSUBL/UMULH.</summary>
    DataProcessing3Source,

    // Branches.
    /// <summary>B.</summary>
    B,
    /// <summary>BL.</summary>
    Bl,
    /// <summary>B.cond.</summary>
    BCond,
    /// <summary>CBZ.</summary>
    Cbz,
    /// <summary>CBNZ.</summary>
    Cbnz,
    /// <summary>TBZ.</summary>
    Tbz,
    /// <summary>TBNZ.</summary>
    Tbnz,
    /// <summary>BR.</summary>
    Br,
    /// <summary>BLR.</summary>
    Blr,
    /// <summary>RET.</summary>
    Ret,

    // Exception generation and return.
    /// <summary>SVC.</summary>
    Svc,
    /// <summary>HVC.</summary>
    Hvc,
    /// <summary>SMC.</summary>
    Smc,
    /// <summary>BRK.</summary>
    Brk,
    /// <summary>HLT.</summary>
    Hlt,
    /// <summary>ERET.</summary>
    Eret,

    // System.
    /// <summary>WFI.</summary>
    Wfi,
    /// <summary>WFE.</summary>
    Wfe,
    /// <summary>SEV.</summary>
    Sev,
    /// <summary>SEVL.</summary>
    Sevl,
    /// <summary>Any other hint (NOP, YIELD, ...): no effect.</summary>
    Hint,
    /// <summary>CLREX.</summary>
    Clrex,
    /// <summary>DSB.</summary>
    Dsb,
    /// <summary>DMB.</summary>
    Dmb,
    /// <summary>ISB.</summary>
    Isb,
    /// <summary>MSR (immediate): DAIFSet, DAIFClr, SPSel.</summary>
    MsrImmediate,
    /// <summary>SYS: DC, IC, TLBI, AT.</summary>
    Sys,
    /// <summary>MSR (register).</summary>
    MsrRegister,
    /// <summary>MRS.</summary>
    Mrs,

    // Loads and stores.
    /// <summary>LDR (literal), 32-bit.</summary>
    LdrLiteral32,
    /// <summary>LDR (literal), 64-bit.</summary>
    LdrLiteral64,
    /// <summary>LDRSW (literal).</summary>
    LdrswLiteral,
    /// <summary>PRFM (literal): no effect.</summary>
    PrfmLiteral,
    /// <summary>STXR/STXRB/STXRH.</summary>
    StoreExclusive,
    /// <summary>LDXR/LDAXR and byte/halfword forms.</summary>
    LoadExclusive,
    /// <summary>STXP/STLXP.</summary>
    StoreExclusivePair,
    /// <summary>LDXP/LDAXP.</summary>
    LoadExclusivePair,
    /// <summary>STLR and byte/halfword forms.</summary>
    StoreRelease,
    /// <summary>LDAR and byte/halfword forms.</summary>
    LoadAcquire,
    /// <summary>CAS/CASA/CASL/CASAL and byte/halfword forms.</summary>
    CompareAndSwap,
    /// <summary>CASP family: a pair compare-and-swap.</summary>
    CompareAndSwapPair,
    /// <summary>LDADD/LDCLR/LDEOR/LDSET/LDSMAX/LDSMIN/LDUMAX/LDUMIN (LSE).</summary>
    AtomicMemoryOperation,
    /// <summary>SWP (LSE).</summary>
    Swap,
    /// <summary>STP/STNP (all addressing modes).</summary>
    StorePair,
    /// <summary>LDP/LDNP/LDPSW (all addressing modes).</summary>
    LoadPair,
    /// <summary>STR/STRB/STRH (unsigned offset).</summary>
    StoreUnsignedOffset,
    /// <summary>LDR/LDRB/LDRH (unsigned offset).</summary>
    LoadUnsignedOffset,
    /// <summary>LDRSB/LDRSH/LDRSW/PRFM (unsigned offset).</summary>
    LoadSignedUnsignedOffset,
    /// <summary>STUR/STR (post-index, pre-index) of one register: the common 9-bit-offset stores, split out for the hot path.</summary>
    StoreImmediate9,
    /// <summary>LDUR/LDR (post-index, pre-index) zero-extending loads of one register: the common 9-bit-offset loads.</summary>
    LoadImmediate9,
    /// <summary>The other loads and stores with a 9-bit signed offset: sign-extending loads, PRFUM, and unprivileged LDTR/STTR.</summary>
    LoadStoreImmediate9,
    /// <summary>Loads and stores with a register offset.</summary>
    LoadStoreRegisterOffset,

    // FP and SIMD: trapped per CPTR_EL2/CPACR_EL1, otherwise undefined (not implemented yet).
    /// <summary>Any FP/SIMD data-processing instruction.</summary>
    FpSimd,
    /// <summary>Any FP/SIMD load or store.</summary>
    FpSimdLoadStore,
}
