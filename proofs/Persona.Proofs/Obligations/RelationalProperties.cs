namespace Persona.Proofs.Obligations;

/// <summary>The relational properties (noninterference and wipe scoping), each with its one sentence as in spec/isolation.md.</summary>
public static class RelationalProperties
{
    /// <summary>Every relational property's id and sentence.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["NI-1"] = "Output consistency: whether a persona's operation succeeds depends only on that persona's view.",
        ["NI-2"] = "Step consistency: from two states a persona sees alike, its own operation leads to states it still sees alike.",
        ["NI-3"] = "Local respect: an operation of one persona leaves the other persona's view unchanged.",
        ["NI-4"] = "The notification channel is the declared exception: it changes the other persona's view only on channel pages.",
        ["WIPE-6"] = "Every step of a remote wipe leaves everything the personal persona observes unchanged, except the work persona's public status.",
    };

    /// <summary>The sentence of one property.</summary>
    public static string Statement(string id) => All[id];
}
