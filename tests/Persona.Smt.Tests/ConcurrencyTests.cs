using Persona.Smt;

namespace Persona.Smt.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public void ContextsOnTwoThreads_AnswerIndependently_AndErrorsStayOnTheirThread()
    {
        const int Rounds = 300;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // One thread keeps provoking Z3 errors; the other must never see one, and must keep getting right answers.
        var provoker = new Thread(() =>
        {
            using var ctx = new SmtContext();
            for (var i = 0; i < Rounds; i++)
            {
                try
                {
                    _ = ctx.BitVec("a", 8) + ctx.BitVec("b", 16);
                    failures.Enqueue("a width mismatch was not reported");
                }
                catch (SmtException)
                {
                }
            }
        });
        var worker = new Thread(() =>
        {
            try
            {
                using var ctx = new SmtContext();
                using var solver = ctx.Solver(SmtSolverKind.SmtCore);
                for (var i = 0; i < Rounds; i++)
                {
                    using var scope = ctx.Scope();
                    var x = ctx.BitVec("x", 8);
                    solver.Push();
                    solver.Assert((x + 1).Eq((ulong)(i & 0xFF)));
                    var model = ((SmtResult.Sat)solver.Check()).Model;
                    if (((model.Evaluate(x) + 1) & 0xFF) != (ulong)(i & 0xFF))
                        failures.Enqueue($"round {i}: wrong model");
                    solver.Pop();
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e.ToString());
            }
        });
        provoker.Start();
        worker.Start();
        provoker.Join();
        worker.Join();
        Assert.Empty(failures);
    }
}
