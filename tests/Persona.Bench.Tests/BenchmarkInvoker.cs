using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Persona.Bench.Tests;

/// <summary>Runs a BenchmarkDotNet class's benchmarks once each, by reflection, the way BenchmarkDotNet would for one invocation.</summary>
/// <remarks>Each [Params]/[ParamsSource] member takes its first value; then global setup, iteration setup, the method once, iteration
/// cleanup, global cleanup (each honouring its Target). This catches a benchmark that no longer builds its state or throws, in
/// seconds rather than the minutes a BenchmarkDotNet job takes.</remarks>
public static class BenchmarkInvoker
{
    /// <summary>Every class in the bench assembly with a [Benchmark] method.</summary>
    public static IEnumerable<Type> BenchmarkClasses() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>Runs every benchmark method of <paramref name="type"/> once; returns the methods run, by name.</summary>
    public static IReadOnlyList<string> RunOnce(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var ran = new List<string>();
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
        {
            var instance = Activator.CreateInstance(type)!;
            SetFirstParameters(type, instance);
            try
            {
                Invoke<GlobalSetupAttribute>(type, instance, method.Name);
                Invoke<IterationSetupAttribute>(type, instance, method.Name);
                method.Invoke(instance, null);
                Invoke<IterationCleanupAttribute>(type, instance, method.Name);
                Invoke<GlobalCleanupAttribute>(type, instance, method.Name);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                throw new InvalidOperationException($"{type.Name}.{method.Name} threw: {inner.GetType().Name}: {inner.Message}", inner);
            }
            ran.Add($"{type.Name}.{method.Name}");
        }
        return ran;
    }

    private static void SetFirstParameters(Type type, object instance)
    {
        foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance))
        {
            object? value;
            if (member.GetCustomAttribute<ParamsAttribute>() is { } values)
                value = values.Values[0];
            else if (member.GetCustomAttribute<ParamsSourceAttribute>() is { } source)
                value = FirstOf(type, instance, source.Name);
            else
                continue;
            switch (member)
            {
                case PropertyInfo property:
                    property.SetValue(instance, value);
                    break;
                case FieldInfo field:
                    field.SetValue(instance, value);
                    break;
            }
        }
    }

    private static object? FirstOf(Type type, object instance, string sourceName)
    {
        var flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        var items = type.GetMethod(sourceName, flags) is { } m ? m.Invoke(m.IsStatic ? null : instance, null)
            : type.GetProperty(sourceName, flags)?.GetValue(instance);
        return items is System.Collections.IEnumerable e ? e.Cast<object?>().First()
            : throw new InvalidOperationException($"{type.Name}: the ParamsSource {sourceName} is not an enumerable member");
    }

    private static void Invoke<TAttribute>(Type type, object instance, string benchmark) where TAttribute : TargetedAttribute
    {
        foreach (var method in type.GetMethods())
        {
            if (method.GetCustomAttribute<TAttribute>() is not { } attribute)
                continue;
            var targets = attribute.Targets;
            if (targets is null || targets.Length == 0 || targets.Contains(benchmark))
                method.Invoke(instance, null);
        }
    }
}
