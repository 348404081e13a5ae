using Persona.Spec.Concrete;
using Persona.Spec.Terms;
using static Persona.Spec.Terms.Spec;

namespace Persona.Spec.Tests;

/// <summary>The Boolean connectives read by their truth tables, in both concrete readings: the differential tests only compare the
/// readings on the terms the spec happens to use (it has no Boolean if-then-else), so a connective broken in one reading alone slips by.</summary>
public sealed class TermSemanticsTests
{
    private static readonly World Tiny = TestWorlds.Small();

    public static TheoryData<bool, bool, bool> Triples()
    {
        var data = new TheoryData<bool, bool, bool>();
        foreach (var a in new[] { false, true })
        {
            foreach (var b in new[] { false, true })
            {
                foreach (var c in new[] { false, true }) data.Add(a, b, c);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Triples))]
    public void Connectives_FollowTheirTruthTables_InterpretedAndCompiled(bool a, bool b, bool c)
    {
        Term<bool> x = Var<bool>("a"), y = Var<bool>("b"), z = Var<bool>("c");
        var cases = new (string Name, Term<bool> Term, bool Expected)[]
        {
            ("if a then b else c", If(x, y, z), a ? b : c),
            ("a implies b", x.Implies(y), !a || b),
            ("a and b and c", All(x, y, z), a && b && c),
            ("a or b or c", Any(x, y, z), a || b || c),
            ("not a", !x, !a),
            ("a equals b", x == y, a == b),
            ("a and b", x & y, a && b),
            ("a or b", x | y, a || b),
        };
        var arguments = new Dictionary<string, object> { ["a"] = a, ["b"] = b, ["c"] = c };
        var none = new Dictionary<string, ConcreteState>();
        foreach (var (name, term, expected) in cases)
        {
            Assert.True(expected == new Evaluator(Tiny, none, arguments).IsTrue(term), $"interpreted {name} with a={a}, b={b}, c={c}");
            Assert.True(expected == CompiledTerm.Compile(term).IsTrue(Tiny, none, arguments), $"compiled {name} with a={a}, b={b}, c={c}");
        }
    }

    [Fact]
    public void RunStoredMap_HoldsItsValueOnExactlyItsRun()
    {
        // A run of 3 pages from 0x40004: 0x40003 and 0x40007 are just outside it and read the map underneath.
        var map = new RunStoredMap(FunctionMap.Constant("under"), 0x40004, 3, "run");
        Assert.Equal("under", map.Get(0x40003L));
        Assert.Equal("run", map.Get(0x40004L));
        Assert.Equal("run", map.Get(0x40006L));
        Assert.Equal("under", map.Get(0x40007L));
    }
}
