using System.Reflection;
using NetArchTest.Rules;

namespace Motcua.ArchitectureTests;

/// <summary>
/// The modular-monolith rules: an area talks to another only through that area's <c>Contracts</c>
/// namespace (or in-process events), never through its tables, entities or services; the shared
/// <c>Common</c> kernel depends on no area; pure rules stay free of infrastructure.
/// </summary>
public sealed class AreaBoundaryTests
{
    private static readonly Assembly Production = typeof(Motcua.MotcuaApp).Assembly;

    /// <summary>Business areas. Composition code (the root namespace, Cli, Home, DemoData) may use them all.</summary>
    private static readonly string[] AreaNames = ["Organisation", "Access", "Calendar", "Procedures", "Dossiers", "Payments", "Notifications", "Indexes", "Plans", "Audit"];

    public static readonly TheoryData<string> Areas = new(AreaNames);

    [Theory]
    [MemberData(nameof(Areas))]
    public void An_area_uses_other_areas_only_through_their_contracts(string area)
    {
        foreach (var other in AreaNames.Where(a => a != area))
        {
            var internals = Production.GetTypes()
                .Where(t => t.Namespace is { } ns
                    && (ns == $"Motcua.{other}" || ns.StartsWith($"Motcua.{other}.", StringComparison.Ordinal))
                    && !ns.StartsWith($"Motcua.{other}.Contracts", StringComparison.Ordinal))
                .Select(t => t.FullName!)
                .ToArray();

            var result = Types.InAssembly(Production)
                .That().ResideInNamespace($"Motcua.{area}")
                .ShouldNot().HaveDependencyOnAny(internals)
                .GetResult();

            Assert.True(result.IsSuccessful, $"{area} depends on {other} internals: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void Common_depends_on_no_area()
    {
        var result = Types.InAssembly(Production)
            .That().ResideInNamespace("Motcua.Common")
            .ShouldNot().HaveDependencyOnAny([.. AreaNames.Select(a => $"Motcua.{a}"), "Motcua.Home", "Motcua.DemoData", "Motcua.Cli"])
            .GetResult();

        Assert.True(result.IsSuccessful, $"Common depends on an area: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_calendar_engine_is_pure()
    {
        string[] pure = ["Motcua.Calendar.VietnameseLunarCalendar", "Motcua.Calendar.StatutoryHolidays", "Motcua.Calendar.WorkingCalendar", "Motcua.Calendar.OfficeHours"];
        var result = Types.InAssembly(Production)
            .That().HaveNameMatching("^(VietnameseLunarCalendar|StatutoryHolidays|WorkingCalendar|OfficeHours)$")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.IO", "System.Net")
            .GetResult();

        Assert.Equal(pure.Length, Types.InAssembly(Production).That().HaveNameMatching("^(VietnameseLunarCalendar|StatutoryHolidays|WorkingCalendar|OfficeHours)$").GetTypes().Count());
        Assert.True(result.IsSuccessful, $"Impure: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Entities_do_not_depend_on_the_web_or_the_database()
    {
        var result = Types.InAssembly(Production)
            .That().HaveNameMatching("^(AdministrativeUnit|Department|UnitEvent|UnitSuccession|CalendarOverrideEntry|OfficeHoursEntry|CalendarRevision|Payment|OutboxMessage|Plan|PlanTask|TaskCoordinator|TaskIndicator|ProgressReport|Contribution|EvidenceFile|TaskStatusRules|TaskSchedule)$")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore")
            .GetResult();

        Assert.True(result.IsSuccessful, $"Entities with infrastructure: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Nothing_is_public_but_the_entry_point()
    {
        var exposed = Production.GetExportedTypes().Where(t => !IsGenerated(t)).Select(t => t.FullName).Where(n => n != "Program").ToList();

        Assert.Empty(exposed);
    }

    [Fact]
    public void Concrete_classes_are_sealed_unless_something_derives_from_them()
    {
        var types = Production.GetTypes().Where(t => t.Namespace?.StartsWith("Motcua", StringComparison.Ordinal) == true && !IsGenerated(t)).ToList();
        var bases = types.Select(t => t.BaseType).Where(b => b is not null).Select(b => b!.IsGenericType ? b.GetGenericTypeDefinition() : b).ToHashSet();
        var unsealed = types
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !bases.Contains(t)
                && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null
                && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(unsealed);
    }

    /// <summary>EF Core writes migrations and model snapshots public and unsealed; they are generated, not designed.</summary>
    private static bool IsGenerated(Type type) => type.Namespace?.Contains(".Migrations.", StringComparison.Ordinal) == true;
}
