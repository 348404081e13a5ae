namespace Persona.Smt;

/// <summary>An enumeration sort: a finite set of named, pairwise distinct constants (e.g. Owner = Personal | Work | Hyp).</summary>
public sealed class EnumSort : Sort
{
    private readonly Dictionary<string, EnumTerm> _byName = new(StringComparer.Ordinal);
    private readonly List<EnumTerm> _members = new();

    internal EnumSort(SmtContext context, nint handle, string name, IReadOnlyList<string> memberNames)
        : base(context, handle, name)
    {
        MemberNames = memberNames;
    }

    /// <summary>The names of the constants, in declaration order.</summary>
    public IReadOnlyList<string> MemberNames { get; }

    /// <summary>The constants, in declaration order.</summary>
    public IReadOnlyList<EnumTerm> Members => _members;

    /// <summary>The constant with the given name; throws <see cref="SmtException"/> naming the sort when there is none.</summary>
    public EnumTerm this[string memberName] => _byName.TryGetValue(memberName, out var member)
        ? member
        : throw new SmtException($"The enumeration sort {Name} has no member '{memberName}' (members: {string.Join(", ", MemberNames)}).");

    /// <summary>A variable of this sort with the given name.</summary>
    public new EnumTerm Constant(string name) => (EnumTerm)base.Constant(name);

    internal void AddMember(EnumTerm member, string memberName)
    {
        _members.Add(member);
        _byName.Add(memberName, member);
    }

    internal override Term MakeTerm(nint handle, Lifetime lifetime) => new EnumTerm(Context, handle, lifetime, this);
}
