using Motcua.Common.Persistence;
using Motcua.Indexes.Closing;
using Motcua.Indexes.Contracts;
using Motcua.Indexes.Dashboard;
using Motcua.Indexes.Data;
using Motcua.Indexes.EarlyWarning;
using Motcua.Indexes.Explain;
using Motcua.Indexes.ImportDossiers;
using Motcua.Indexes.IndicatorSets;
using Motcua.Indexes.ManualValues;
using Motcua.Indexes.Ranking;
using Motcua.Indexes.Reports;
using Motcua.Indexes.ServiceIndex;
using Motcua.Indexes.Targets;

namespace Motcua.Indexes;

internal static class IndexesModule
{
    public static IServiceCollection AddIndexes(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        services.AddAreaDbContext<IndexesDbContext, SqliteIndexesDbContext, PostgresIndexesDbContext>(provider, connectionString);
        services.AddSingleton(new IndexesContextFactory(provider));
        services.AddScoped<IIndexFeed, IndexFeed>();
        services.AddScoped<IndexMaintenance>();
        services.AddScoped<ServiceIndexService>();
        services.AddScoped<IServiceFigures, ServiceFigures>();
        services.AddScoped<ExplainService>();
        services.AddScoped<DossierImporter>();
        services.AddScoped<RankingService>();
        services.AddScoped<EarlyWarningService>();
        services.AddScoped<IndicatorTrend>();
        services.AddScoped<IndicatorSetAdministration>();
        services.AddScoped<TargetService>();
        services.AddScoped<ManualValueService>();
        services.AddScoped<PeriodClosing>();
        services.AddScoped<ServiceReports>();
        if (configuration.GetValue("Motcua:Indexes:RunFolding", true))
        {
            services.AddHostedService<IndexFoldingService>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapIndexes(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("Indexes");
        group.MapServiceIndex();
        group.MapRanking();
        group.MapEarlyWarning();
        group.MapExplain();
        group.MapImportDossiers();
        group.MapIndicatorSets();
        group.MapTargets();
        group.MapManualValues();
        group.MapClosing();
        group.MapReports();
        return api;
    }

    /// <summary>After migrations: the Decision 766 set on a new installation, and the scopes of the unit tree.</summary>
    public static async Task InitialiseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await IndicatorSetSeed.EnsureAsync(scope.ServiceProvider.GetRequiredService<IndexesDbContext>(), cancellationToken);
    }
}
