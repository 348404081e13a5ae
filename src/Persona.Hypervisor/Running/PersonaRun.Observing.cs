namespace Persona.Hypervisor.Running;

/// <summary>The hook through which a tool records a run beside the validator, without changing how the run is built.</summary>
public static partial class PersonaRun
{
    private static readonly AsyncLocal<Func<Hypervisor, ITrapObserver?, ITrapObserver>?> Observing = new();

    /// <summary>
    /// Until the returned scope is disposed, every hypervisor built on this thread (or async flow) gets its trap observer from
    /// <paramref name="observe"/>, which is given the hypervisor and the observer it already has (the validator, or null).
    /// </summary>
    /// <remarks>The hypervisor has one observer slot; an ambient, flow-local hook lets a caller of <see cref="Scenarios.ScenarioRunner"/>
    /// record the very run the runner builds (with every scenario feature) instead of building a copy of it.</remarks>
    public static IDisposable Observe(Func<Hypervisor, ITrapObserver?, ITrapObserver> observe)
    {
        var previous = Observing.Value;
        Observing.Value = observe;
        return new Scope(() => Observing.Value = previous);
    }

    private static void AttachObserver(Hypervisor hypervisor)
    {
        if (Observing.Value is { } observe)
            hypervisor.Observer = observe(hypervisor, hypervisor.Observer);
    }

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
