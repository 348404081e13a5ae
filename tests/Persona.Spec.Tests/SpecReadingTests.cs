using System.Text.RegularExpressions;
using Persona.Spec.Concrete;
using Persona.Spec.Model;
using Persona.Spec.Operations;
using Persona.Spec.Rules;
using Persona.Spec.Terms;

namespace Persona.Spec.Tests;

/// <summary>How rules read as text (for counterexamples and docs) and how the concrete reading treats a call it cannot make.</summary>
public partial class SpecReadingTests
{
    [Theory]
    [InlineData("SW-1", "¬(s.foreground = Hypervisor)")]
    [InlineData("SW-4", "((s.foreground = Work) ⇒ s.workRunnable)")]
    [InlineData("WIPE-4", "((s.workKey = Destroyed) ⇒ ¬(s.wipe = Idle))")]
    [InlineData("MEM-2", "(∀c:Component. (∀p:Page. (s.mapped[c][p] ⇒ ¬(s.pageState[c][p] = None))))")]
    [InlineData("SHR-5", "(∀p:Page. (s.channelPage[p] ⇒ ((s.content[p] = Zero) ∨ (s.content[p] = Notification))))")]
    public void Rule_PrintedOverStateS_ReadsAsItsDefinition(string ruleId, string expected)
    {
        var printed = Printer.Print(SpecModel.Default.Rule(ruleId).HoldsIn(State.Named("s")).Expr);
        // Bound variables are numbered by a global counter; compare with the numbers removed.
        Assert.Equal(expected, BoundNumber().Replace(printed, ""));
    }

    [Fact]
    public void Apply_WithoutAnArgumentTheOperationNeeds_NamesTheOperationAndTheArgument()
    {
        var spec = new ConcreteSpec(SpecModel.Default, TestWorlds.Small());
        var error = Assert.Throws<ArgumentException>(() =>
            spec.Apply(PageOperations.Share, spec.InitialState(), ConcreteSpecTests.Args(("from", Component.Personal), ("to", Component.Work))));
        Assert.Equal("operation share needs argument p", error.Message);
    }

    [Fact]
    public void Holds_OfARuleOutsideTheModel_IsEvaluatedFromItsDefinition()
    {
        // A mutant rule (not in the model the spec was built from) is still read concretely, from its own definition.
        var spec = new ConcreteSpec(SpecModel.Default, TestWorlds.Small());
        var neverWorkForeground = new Rule("TEST-1", "Personal is always in front.", "A test rule.",
            s => s.Get(Fields.Foreground) == Spec.Terms.Spec.Lit(Component.Personal));
        var boot = spec.InitialState();
        Assert.True(spec.Holds(neverWorkForeground, boot));
        Assert.False(spec.Holds(neverWorkForeground, boot.WithField(Fields.Foreground, Component.Work)));
    }

    [GeneratedRegex(@"(?<=\b[a-z])\d+")]
    private static partial Regex BoundNumber();
}
