using Motcua.Common.Persistence;
using Motcua.Procedures.AssignProcedures;
using Motcua.Procedures.Contracts;
using Motcua.Procedures.Data;
using Motcua.Procedures.ImportProcedures;
using Motcua.Procedures.ListProcedures;

namespace Motcua.Procedures;

internal static class ProceduresModule
{
    public static IServiceCollection AddProcedures(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddAreaDbContext<ProceduresDbContext, SqliteProceduresDbContext, PostgresProceduresDbContext>(provider, connectionString);
        services.AddScoped<ProcedureCatalogue>();
        services.AddScoped<IProcedureCatalogue>(sp => sp.GetRequiredService<ProcedureCatalogue>());
        services.AddScoped<ProcedureImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapProcedures(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Procedures");
        group.MapListProcedures();
        group.MapImportProcedures();
        group.MapAssignProcedures();
        return api;
    }
}
