using Persona.Proofs.Obligations;

namespace Persona.Cli.Reports;

/// <summary>How the reports explain each kind of proof obligation to a reader new to the proofs.</summary>
public static class ObligationKinds
{
    /// <summary>A short title and one sentence for a kind; relational kinds quote the property they prove.</summary>
    public static (string Title, string Explanation) Describe(ObligationKind kind) => kind switch
    {
        ObligationKind.Initiation => ("Initiation", "The platform's boot state satisfies the rule."),
        ObligationKind.Inductiveness => ("Inductiveness", "The operation preserves the rule from every state that satisfies all the rules."),
        ObligationKind.OutputConsistency => ("NI-1 output consistency", RelationalProperties.Statement("NI-1")),
        ObligationKind.StepConsistency => ("NI-2 step consistency", RelationalProperties.Statement("NI-2")),
        ObligationKind.LocalRespect => ("NI-3 local respect", RelationalProperties.Statement("NI-3")),
        ObligationKind.DeclaredChannel => ("NI-4 declared channel", RelationalProperties.Statement("NI-4")),
        ObligationKind.WipeScoping => ("WIPE-6 wipe scoping", RelationalProperties.Statement("WIPE-6")),
        _ => (kind.ToString(), kind.ToString()),
    };
}
