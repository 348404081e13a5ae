namespace Persona.Smt;

/// <summary>The sort of bit-vectors of a fixed width.</summary>
public sealed class BitVecSort : Sort
{
    internal BitVecSort(SmtContext context, nint handle, int width)
        : base(context, handle, $"(_ BitVec {width})")
    {
        Width = width;
    }

    /// <summary>The number of bits.</summary>
    public int Width { get; }

    /// <summary>A bit-vector constant of this width with the given name.</summary>
    public new BitVecTerm Constant(string name) => (BitVecTerm)base.Constant(name);

    internal override Term MakeTerm(nint handle, Lifetime lifetime) => new BitVecTerm(Context, handle, lifetime, this);
}
