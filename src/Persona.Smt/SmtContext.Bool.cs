using Persona.Smt.Native;

namespace Persona.Smt;

/// <summary>Boolean terms and connectives.</summary>
public sealed partial class SmtContext
{
    /// <summary>The formula true.</summary>
    public BoolTerm True => MakeBool(Z3Native.Z3_mk_true(Handle), "true");

    /// <summary>The formula false.</summary>
    public BoolTerm False => MakeBool(Z3Native.Z3_mk_false(Handle), "false");

    /// <summary>A Boolean constant.</summary>
    public BoolTerm Bool(string name) => BoolSort.Constant(name);

    /// <summary>A Boolean value.</summary>
    public BoolTerm Bool(bool value) => value ? True : False;

    /// <summary>Negation.</summary>
    public BoolTerm Not(BoolTerm operand) => MakeBool(Z3Native.Z3_mk_not(Handle, Use(operand)), "not");

    /// <summary>Conjunction of any number of formulas (true when there are none).</summary>
    public unsafe BoolTerm And(params BoolTerm[] operands)
    {
        var handles = HandlesOf(operands);
        fixed (nint* h = handles)
            return MakeBool(Z3Native.Z3_mk_and(Handle, (uint)handles.Length, h), "and");
    }

    /// <summary>Conjunction of a sequence of formulas (true when it is empty).</summary>
    public BoolTerm And(IEnumerable<BoolTerm> operands) => And(operands.ToArray());

    /// <summary>Disjunction of any number of formulas (false when there are none).</summary>
    public unsafe BoolTerm Or(params BoolTerm[] operands)
    {
        var handles = HandlesOf(operands);
        fixed (nint* h = handles)
            return MakeBool(Z3Native.Z3_mk_or(Handle, (uint)handles.Length, h), "or");
    }

    /// <summary>Disjunction of a sequence of formulas (false when it is empty).</summary>
    public BoolTerm Or(IEnumerable<BoolTerm> operands) => Or(operands.ToArray());

    /// <summary>Exclusive or.</summary>
    public BoolTerm Xor(BoolTerm left, BoolTerm right) => MakeBool(Z3Native.Z3_mk_xor(Handle, Use(left), Use(right)), "xor");

    /// <summary>Implication.</summary>
    public BoolTerm Implies(BoolTerm antecedent, BoolTerm consequent) =>
        MakeBool(Z3Native.Z3_mk_implies(Handle, Use(antecedent), Use(consequent)), "=>");

    /// <summary>Equivalence.</summary>
    public BoolTerm Iff(BoolTerm left, BoolTerm right) => MakeBool(Z3Native.Z3_mk_iff(Handle, Use(left), Use(right)), "iff");
}
