namespace Persona.Smt;

/// <summary>A solver session: a stack of (optionally named) assertions that can be checked, so tests can substitute a fake.</summary>
public interface ISmtSolver
{
    /// <summary>The number of open <see cref="Push"/> levels.</summary>
    int Depth { get; }

    /// <summary>Opens a backtracking point.</summary>
    void Push();

    /// <summary>Removes every assertion made since the matching <see cref="Push"/> (<paramref name="levels"/> of them).</summary>
    void Pop(int levels = 1);

    /// <summary>Adds an unnamed assertion (it never appears in an unsat core).</summary>
    void Assert(BoolTerm formula);

    /// <summary>Adds a named assertion; its name is reported in the unsat core and kept in SMT-LIB2 output.</summary>
    void Assert(string name, BoolTerm formula);

    /// <summary>Checks the assertions: sat with a model, unsat with the core's names, or unknown with a reason.</summary>
    SmtResult Check();

    /// <summary>The current query as a self-contained SMT-LIB2 script, accepted by the z3 and cvc5 command lines.</summary>
    string ToSmtLib2();
}
