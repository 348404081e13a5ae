using Persona.Smt;
using Persona.Spec.Terms;
using SmtSort = Persona.Smt.Sort;
using SpecExpr = Persona.Spec.Terms.Expr;
using SpecSort = Persona.Spec.Terms.Sort;

namespace Persona.Proofs.Symbolic;

/// <summary>The symbolic reading of the spec: compiles spec terms to Z3 terms in one context.</summary>
/// <remarks>Pointwise map definitions become fresh arrays with a defining axiom, collected in <see cref="Definitions"/>,
/// which every query that uses them must assert. Compiled terms are memoised by node identity, so shared subterms stay shared.</remarks>
public sealed class SmtCompiler(SmtContext context)
{
    private readonly Dictionary<SpecSort, SmtSort> sorts = [];
    private readonly Dictionary<string, SmtFunction> functions = [];
    private readonly Dictionary<SpecExpr, Term> memo = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Term> constants = [];
    private readonly HashSet<Variable> boundNow = [];
    private readonly List<(string Name, BoolTerm Axiom)> definitions = [];
    private int definitionCount;

    /// <summary>The context terms are made in.</summary>
    public SmtContext Context { get; } = context;

    /// <summary>Axioms defining the fresh arrays made for pointwise maps so far, in order.</summary>
    public IReadOnlyList<(string Name, BoolTerm Axiom)> Definitions => definitions;

    /// <summary>Compiles a Boolean spec term.</summary>
    public BoolTerm Compile(Term<bool> term) => Compile(term.Expr).As<BoolTerm>();

    /// <summary>The Z3 sort for a spec sort.</summary>
    public SmtSort SortOf(SpecSort sort)
    {
        if (sorts.TryGetValue(sort, out var s)) return s;
        s = sort switch
        {
            Persona.Spec.Terms.BoolSort => Context.BoolSort,
            // Members are qualified (Component_Work, Label_Work) because SMT-LIB forbids two constants of one name.
            Persona.Spec.Terms.EnumSort e => Context.EnumSort(e.Name, [.. e.Members.Select(m => QualifiedMember(e, m))]),
            Persona.Spec.Terms.ElementSort e => Context.DeclareSort(e.Name),
            Persona.Spec.Terms.MapSort m => Context.ArraySort(SortOf(m.Key), SortOf(m.Value)),
            _ => throw new ArgumentException($"no SMT sort for {sort}"),
        };
        sorts[sort] = s;
        return s;
    }

    /// <summary>The SMT name of an enumeration member.</summary>
    public static string QualifiedMember(Persona.Spec.Terms.EnumSort sort, string member) => $"{sort.Name}_{member}";

    /// <summary>A value as the spec names it: an enumeration member without its sort prefix.</summary>
    public static string Readable(string smtValue)
    {
        var underscore = smtValue.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && char.IsUpper(smtValue[0]) && !smtValue.Contains('!', StringComparison.Ordinal) ? smtValue[(underscore + 1)..] : smtValue;
    }

    /// <summary>The constant for a free variable or a state field (created on first use).</summary>
    public Term ConstantFor(string name, SpecSort sort)
    {
        if (!constants.TryGetValue(name, out var c))
        {
            constants[name] = c = Context.Constant(name, SortOf(sort));
            expressions[c] = new Variable(name, sort);
        }
        return c;
    }

    /// <summary>The spec variable a constant made by <see cref="ConstantFor"/> stands for.</summary>
    public SpecExpr ExprOf(Term constant) => expressions[constant];

    private readonly Dictionary<Term, SpecExpr> expressions = new(ReferenceEqualityComparer.Instance);

    /// <summary>Compiles any spec term.</summary>
    public Term Compile(SpecExpr e)
    {
        if (memo.TryGetValue(e, out var done)) return done;
        var result = e switch
        {
            BoolLiteral b => Context.Bool(b.Value),
            EnumLiteral l => ((Persona.Smt.EnumSort)SortOf(l.EnumSort)).Members[l.Ordinal],
            Variable v => ConstantFor(v.Name, v.Sort),
            FieldRead f => ConstantFor($"{f.StateName}.{f.Field}", f.Sort),
            Select s => Compile(s.Map).As<ArrayTerm<Term, Term>>().Select(Compile(s.Key)),
            Store s => Compile(s.Map).As<ArrayTerm<Term, Term>>().Store(Compile(s.Key), Compile(s.Value)),
            MapOf m => DefineMap(m),
            Apply a => FunctionFor(a).Apply(Compile(a.Argument)),
            Equal q => Context.Eq(Compile(q.Left), Compile(q.Right)),
            Not n => Context.Not(Bool(n.Operand)),
            And a => a.Operands.Count == 0 ? Context.True : Context.And([.. a.Operands.Select(Bool)]),
            Or o => o.Operands.Count == 0 ? Context.False : Context.Or([.. o.Operands.Select(Bool)]),
            Implies i => Context.Implies(Bool(i.Premise), Bool(i.Conclusion)),
            IfThenElse t => Context.Ite(Bool(t.Condition), Compile(t.Then), Compile(t.Else)),
            Quantified q => Quantify(q),
            _ => throw new ArgumentException($"unknown node {e.GetType().Name}"),
        };
        memo[e] = result;
        return result;
    }

    private BoolTerm Bool(SpecExpr e) => Compile(e).As<BoolTerm>();

    private BoolTerm Quantify(Quantified q)
    {
        var bound = ConstantFor(q.Bound.Name, q.Bound.Sort);
        boundNow.Add(q.Bound);
        try
        {
            var body = Bool(q.Body);
            return q.IsUniversal ? Context.ForAll([bound], body) : Context.Exists([bound], body);
        }
        finally
        {
            boundNow.Remove(q.Bound);
        }
    }

    private Term DefineMap(MapOf m)
    {
        foreach (var free in FreeVariables.Of(m.Body))
        {
            if (boundNow.Contains(free) && free != m.Key)
                throw new NotSupportedException($"a pointwise map may not depend on the enclosing bound variable {free.Name}");
        }
        var name = $"map!{definitionCount++}";
        var array = ConstantFor(name, m.Sort);
        var key = ConstantFor(m.Key.Name, m.Key.Sort);
        boundNow.Add(m.Key);
        try
        {
            var body = Compile(m.Body);
            var axiom = Context.ForAll([key], Context.Eq(array.As<ArrayTerm<Term, Term>>().Select(key), body));
            definitions.Add(($"def-{name}", axiom));
        }
        finally
        {
            boundNow.Remove(m.Key);
        }
        return array;
    }

    private SmtFunction FunctionFor(Apply a)
    {
        if (!functions.TryGetValue(a.Function, out var f))
            functions[a.Function] = f = Context.Function(a.Function, [SortOf(a.Argument.Sort)], SortOf(a.ResultSort));
        return f;
    }
}
