using System.Reflection;

namespace Motcua.ArchitectureTests;

/// <summary>
/// Refusals are answered in one place (ADR 0015): the endpoint filter on <c>/api/v1</c> and the page filter.
/// An endpoint or page that catches a refusal itself (or catches everything, refusals included) would answer
/// differently from the rest, so none may. The check reads the IL's exception clauses of every method of
/// those classes, including the compiler-generated types (async state machines, lambdas) nested in them.
/// </summary>
public sealed class RefusalTests
{
    private static readonly Assembly Production = typeof(Motcua.MotcuaApp).Assembly;

    private static readonly string[] RefusalNames =
    [
        "Motcua.Common.DomainException",
        "Motcua.Common.NotFoundException",
        "Motcua.Common.ForbiddenException",
        "Motcua.Common.Tabular.ImportRejectedException",
        "Motcua.Dossiers.DossierConflictException",
        "Motcua.Dossiers.DossierActionForbiddenException",
    ];

    private static readonly Type[] Refusals = [.. RefusalNames.Select(n => Production.GetType(n, throwOnError: true)!)];

    private const BindingFlags All = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    [Fact]
    public void Endpoints_and_pages_do_not_catch_refusals()
    {
        var web = Production.GetTypes().Where(IsEndpointOrPage).ToList();

        var offenders = web.SelectMany(RefusalCatchesIn).ToList();

        Assert.True(web.Count(t => IsPage(t)) > 30, $"Only {web.Count(t => IsPage(t))} pages found: is the page detection right?");
        Assert.True(web.Count(t => !IsPage(t)) > 40, $"Only {web.Count(t => !IsPage(t))} endpoint classes found: is the endpoint detection right?");
        Assert.True(offenders.Count == 0, "Refusals are answered by the refusal filters (ADR 0015), not caught here:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_finds_a_catch_inside_an_async_handler_and_a_lambda()
    {
        var found = RefusalCatchesIn(typeof(CatchingFixture)).ToList();

        Assert.Contains(found, f => f.Contains("catches NotFoundException", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("catches Exception", StringComparison.Ordinal));
    }

    internal static IEnumerable<string> RefusalCatchesIn(Type type)
    {
        foreach (var declaring in WithNested(type))
        {
            foreach (var method in declaring.GetMethods(All).Cast<MethodBase>().Concat(declaring.GetConstructors(All)))
            {
                var clauses = method.GetMethodBody()?.ExceptionHandlingClauses ?? [];

                // An async method's state machine wraps its whole body in a catch (Exception) that hands the
                // exception to the awaiting caller: the compiler's, not a decision; it is the outermost clause.
                var compilers = typeof(System.Runtime.CompilerServices.IAsyncStateMachine).IsAssignableFrom(declaring) && method.Name == "MoveNext"
                    ? clauses.Where(c => c.Flags == ExceptionHandlingClauseOptions.Clause && c.CatchType == typeof(Exception)).MaxBy(c => c.TryLength)
                    : null;
                // catch (object) is the compiler's too: `await using` rethrows after disposing.
                foreach (var clause in clauses.Where(c => c != compilers && (c.Flags != ExceptionHandlingClauseOptions.Clause || c.CatchType != typeof(object))))
                {
                    if (clause.Flags == ExceptionHandlingClauseOptions.Clause && Refusals.FirstOrDefault(r => clause.CatchType!.IsAssignableFrom(r)) is { } caught)
                    {
                        yield return $"{type.FullName}: {declaring.Name}.{method.Name} catches {clause.CatchType!.Name} (a {caught.Name} would be caught)";
                    }
                }
            }
        }
    }

    private static IEnumerable<Type> WithNested(Type type) => [type, .. type.GetNestedTypes(All).SelectMany(WithNested)];

    private static bool IsEndpointOrPage(Type type) =>
        type.DeclaringType is null
        && type.Namespace?.StartsWith("Motcua", StringComparison.Ordinal) == true
        && (IsPage(type) || type.Name.EndsWith("Endpoint", StringComparison.Ordinal) || type.Name.EndsWith("Endpoints", StringComparison.Ordinal)
            || type.Name is "PlanResults" or "DomainResults" or "MotcuaApp");

    private static bool IsPage(Type type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType)
        {
            if (b.FullName == "Microsoft.AspNetCore.Mvc.RazorPages.PageModel")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the check must find: a catch in an async method (a state machine) and in a lambda.</summary>
    private sealed class CatchingFixture
    {
        public static async Task<int> HandleAsync(Func<Task> action)
        {
            try
            {
                await action();
                return 1;
            }
            catch (Motcua.Common.NotFoundException)
            {
                return 404;
            }
        }

        public static Func<int> Lambda(Action action) => () =>
        {
            try
            {
                action();
                return 1;
            }
            catch (Exception)
            {
                return 500;
            }
        };
    }
}
