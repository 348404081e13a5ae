using System.Globalization;
using System.Xml.Linq;
using Persona.Proofs;
using Persona.Proofs.Proving;

namespace Persona.Cli.Verification;

/// <summary>Writes <c>persona verify</c>'s results as JUnit XML, so CI systems show each obligation and stage natively.</summary>
public static class JUnitReport
{
    /// <summary>The report document: one test suite per stage; the proofs stage has one test case per obligation.</summary>
    public static XDocument Of(string platform, IReadOnlyList<StageResult> stages)
    {
        var suites = new XElement("testsuites", new XAttribute("name", $"persona verify ({platform})"));
        foreach (var stage in stages)
        {
            var cases = stage.Data is ProofRun run
                ? run.Results.Select(r => Case(stage.Stage, r.Id, r.Milliseconds / 1000, r.Status == ProofStatus.Proved,
                    r.Counterexample?.ToText() ?? $"{r.Status}: {r.Reason}")).ToList()
                : [Case(stage.Stage, stage.Stage, stage.Seconds, stage.Passed, string.Join("\n", stage.Evidence), stage.NotApplicable)];
            suites.Add(new XElement("testsuite",
                new XAttribute("name", stage.Stage),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
                new XAttribute("skipped", cases.Count(c => c.Element("skipped") is not null)),
                new XAttribute("time", Seconds(stage.Seconds)),
                new XElement("system-out", stage.Summary),
                cases));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    private static XElement Case(string suite, string name, double seconds, bool passed, string evidence, string? notApplicable = null)
    {
        var element = new XElement("testcase", new XAttribute("classname", suite), new XAttribute("name", name), new XAttribute("time", Seconds(seconds)));
        if (notApplicable is not null)
            element.Add(new XElement("skipped", new XAttribute("message", notApplicable)));
        else if (!passed) element.Add(new XElement("failure", new XAttribute("message", $"{name} failed"), evidence));
        return element;
    }

    private static string Seconds(double s) => s.ToString("F3", CultureInfo.InvariantCulture);
}
