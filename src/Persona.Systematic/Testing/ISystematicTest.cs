using System.Reflection;
using Persona.Systematic.Runtime;

namespace Persona.Systematic.Testing;

/// <summary>A named systematic test: its setup creates the actors and monitors of one iteration.</summary>
public interface ISystematicTest
{
    /// <summary>Creates the actors, monitors, shared state and faults of one iteration.</summary>
    void Setup(IActorRuntime runtime);

    /// <summary>The configuration this test wants unless the command line overrides it.</summary>
    TestConfiguration Configure(TestConfiguration configuration) => configuration;
}

/// <summary>Marks a class implementing <see cref="ISystematicTest"/> so <c>persona test</c> finds it by name in any loaded assembly.</summary>
/// <param name="name">The name used on the command line.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SystematicTestAttribute(string name) : Attribute
{
    /// <summary>The name used on the command line.</summary>
    public string Name { get; } = name;

    /// <summary>Whether <c>persona test</c> with no names runs it (the hypervisor protocols set this).</summary>
    public bool RunByDefault { get; init; }

    /// <summary>Whether the test is a known-bug model, expected to fail.</summary>
    public bool ExpectsBug { get; init; }

    /// <summary>One line on what the test checks.</summary>
    public string Description { get; init; } = "";
}

/// <summary>A test found by the registry.</summary>
/// <param name="Name">The name used on the command line.</param>
/// <param name="Description">One line on what it checks.</param>
/// <param name="RunByDefault">Whether a bare <c>persona test</c> runs it.</param>
/// <param name="ExpectsBug">Whether it is a known-bug model.</param>
/// <param name="Type">The class implementing <see cref="ISystematicTest"/>.</param>
public sealed record RegisteredTest(string Name, string Description, bool RunByDefault, bool ExpectsBug, Type Type)
{
    /// <summary>Makes a fresh instance of the test.</summary>
    public ISystematicTest Create() => (ISystematicTest)Activator.CreateInstance(Type)!;
}

/// <summary>Finds <see cref="SystematicTestAttribute"/> classes in assemblies, so other projects can contribute tests.</summary>
public static class TestRegistry
{
    /// <summary>Every marked test in the given assemblies, sorted by name; a duplicate name is an error.</summary>
    public static IReadOnlyList<RegisteredTest> Discover(IEnumerable<Assembly> assemblies)
    {
        var found = new SortedDictionary<string, RegisteredTest>(StringComparer.Ordinal);
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in SafeTypes(assembly))
            {
                if (type.GetCustomAttribute<SystematicTestAttribute>() is not { } mark) continue;
                if (!typeof(ISystematicTest).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
                {
                    throw new InvalidOperationException($"{type.FullName} has [SystematicTest] but is not a concrete ISystematicTest with a parameterless constructor.");
                }
                if (found.TryGetValue(mark.Name, out var other) && other.Type != type)
                {
                    throw new InvalidOperationException($"Two systematic tests are named {mark.Name}: {other.Type.FullName} and {type.FullName}.");
                }
                found[mark.Name] = new RegisteredTest(mark.Name, mark.Description, mark.RunByDefault, mark.ExpectsBug, type);
            }
        }
        return [.. found.Values];
    }

    /// <summary>Every marked test in <paramref name="root"/>, the assemblies it references, and those already loaded.</summary>
    public static IReadOnlyList<RegisteredTest> DiscoverFrom(Assembly root)
    {
        var assemblies = new List<Assembly> { root, typeof(TestRegistry).Assembly };
        foreach (var name in root.GetReferencedAssemblies())
        {
            try
            {
                assemblies.Add(Assembly.Load(name));
            }
            catch (FileNotFoundException)
            {
                // A reference that is not deployed cannot hold tests we could run.
            }
        }
        assemblies.AddRange(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic));
        return Discover(assemblies);
    }

    private static Type[] SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return [.. e.Types.Where(t => t is not null).Cast<Type>()];
        }
    }
}
