using Motcua.Common.Persistence;
using Motcua.Organisation.ChangeUnit;
using Motcua.Organisation.Contracts;
using Motcua.Organisation.CreateUnit;
using Motcua.Organisation.Data;
using Motcua.Organisation.Departments;
using Motcua.Organisation.ImportUnits;
using Motcua.Organisation.ListUnits;
using Motcua.Organisation.ReorganiseUnits;

namespace Motcua.Organisation;

internal static class OrganisationModule
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddAreaDbContext<OrganisationDbContext, SqliteOrganisationDbContext, PostgresOrganisationDbContext>(provider, connectionString);
        services.AddSingleton<UnitDirectory>();
        services.AddSingleton<IUnitDirectory>(sp => sp.GetRequiredService<UnitDirectory>());
        services.AddScoped<UnitAdministration>();
        services.AddScoped<IDepartmentDirectory, DepartmentDirectory>();
        services.AddScoped<UnitImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Organisation");
        group.MapListUnits();
        group.MapCreateUnit();
        group.MapChangeUnit();
        group.MapReorganiseUnits();
        group.MapImportUnits();
        group.MapDepartments();
        return api;
    }
}
