namespace Persona.Spec.Terms;

/// <summary>The sort of a spec term: Boolean, a finite enumeration, an abstract element set, or a total map.</summary>
public abstract record Sort
{
    /// <summary>The Boolean sort.</summary>
    public static readonly Sort Bool = new BoolSort();

    /// <summary>The enumeration sort of a C# enum type.</summary>
    public static EnumSort Enum<TEnum>() where TEnum : struct, System.Enum => EnumSort.Of(typeof(TEnum));
}

/// <summary>Truth values.</summary>
public sealed record BoolSort : Sort
{
    /// <inheritdoc/>
    public override string ToString() => "Bool";
}

/// <summary>A finite enumeration, declared once by a C# enum whose members are numbered 0..n-1.</summary>
public sealed record EnumSort : Sort
{
    private static readonly Dictionary<Type, EnumSort> Cache = [];

    private EnumSort(Type clrType)
    {
        ClrType = clrType;
        Members = System.Enum.GetNames(clrType);
        var values = System.Enum.GetValues(clrType);
        for (var i = 0; i < values.Length; i++)
        {
            if (Convert.ToInt32(values.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) != i)
                throw new ArgumentException($"enum {clrType.Name} must number its members 0..n-1 to be a spec sort");
        }
    }

    /// <summary>The C# enum that declares the members.</summary>
    public Type ClrType { get; }

    /// <summary>The member names, in ordinal order.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>The sort's name (the enum's name).</summary>
    public string Name => ClrType.Name;

    /// <summary>The sort for an enum type (one instance per type).</summary>
    public static EnumSort Of(Type clrType)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(clrType, out var sort))
                Cache[clrType] = sort = new EnumSort(clrType);
            return sort;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>An abstract set of elements (pages, devices) whose size the spec does not fix, so proofs hold for every platform.</summary>
/// <param name="Name">The element set's name, e.g. "Page".</param>
public sealed record ElementSort(string Name) : Sort
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A total map from one sort to another (an SMT array; concretely a table with a default).</summary>
/// <param name="Key">The key sort.</param>
/// <param name="Value">The value sort.</param>
public sealed record MapSort(Sort Key, Sort Value) : Sort
{
    /// <inheritdoc/>
    public override string ToString() => $"Map<{Key},{Value}>";
}
