using Motcua.Common.Persistence;
using Npgsql;

namespace Motcua.UnitTests.Common;

/// <summary>Motcua's PostgreSQL connections prepare their statements and skip the reset, unless the connection string says otherwise.</summary>
public sealed class PostgresConnectionsFacts
{
    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_and_no_reset()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnections.Tune("Host=db;Database=motcua;Username=motcua;Password=secret"));

        Assert.Equal(PostgresConnections.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("secret", tuned.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NoResetOnClose=false")]
    public void Settings_in_the_connection_string_win(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnections.Tune(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
