namespace Persona.Smt.Native;

/// <summary>Z3's <c>Z3_error_code</c>.</summary>
internal enum Z3ErrorCode
{
    Ok,
    SortError,
    IndexOutOfBounds,
    InvalidArgument,
    ParserError,
    NoParser,
    InvalidPattern,
    MemoryOut,
    FileAccessError,
    InternalFatal,
    InvalidUsage,
    DecRefError,
    Exception,
}

/// <summary>Z3's three-valued <c>Z3_lbool</c>.</summary>
internal enum Z3LBool
{
    False = -1,
    Undefined = 0,
    True = 1,
}

/// <summary>Z3's <c>Z3_sort_kind</c> (only the kinds Persona builds are named).</summary>
internal enum Z3SortKind
{
    Uninterpreted = 0,
    Bool = 1,
    Int = 2,
    Real = 3,
    BitVec = 4,
    Array = 5,
    Datatype = 6,
    Unknown = 1000,
}
