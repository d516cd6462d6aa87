using Microsoft.Extensions.Configuration;
using Motcua.Plans.Scheduling;

namespace Motcua.UnitTests.Plans;

public sealed class PlansScheduleFacts
{
    private static DateTimeOffset Vietnam(string local) => new(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(7));

    [Theory]
    // Friday 27/11/2026 08:00 Vietnam time is the slot from that moment until the next Friday 08:00.
    [InlineData("2026-11-27 07:59", "2026-11-20 08:00")]
    [InlineData("2026-11-27 08:00", "2026-11-27 08:00")]
    [InlineData("2026-11-27 17:00", "2026-11-27 08:00")]
    [InlineData("2026-11-30 09:00", "2026-11-27 08:00")]
    [InlineData("2026-12-04 07:00", "2026-11-27 08:00")]
    public void The_latest_weekly_slot(string now, string expected)
    {
        var slot = PlansSchedule.LastSlot(PlansSchedule.DefaultWeeklyReportCron, Vietnam(now), TimeSpan.FromDays(8));

        Assert.Equal(Vietnam(expected), slot);
    }

    [Fact]
    public void Cron_times_are_vietnam_times_whatever_the_server_zone()
    {
        var slot = PlansSchedule.LastSlot(PlansSchedule.DefaultRemindersCron, new DateTimeOffset(2026, 11, 27, 0, 30, 0, TimeSpan.Zero), TimeSpan.FromDays(2));

        // 00:30 UTC is 07:30 in Vietnam: today's 07:00 slot, i.e. 00:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), slot);
    }

    [Fact]
    public void No_slot_in_the_window_is_null()
    {
        Assert.Null(PlansSchedule.LastSlot(PlansSchedule.DefaultWeeklyReportCron, Vietnam("2026-11-26 12:00"), TimeSpan.FromDays(1)));
    }

    [Theory]
    [InlineData("2026-11-27", "2026-W48", "2026-11-23")]
    [InlineData("2026-11-29", "2026-W48", "2026-11-23")]
    [InlineData("2027-01-01", "2026-W53", "2026-12-28")]
    public void Weeks_are_iso_weeks(string day, string key, string monday)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(key, PlansSchedule.WeekKey(date));
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), PlansSchedule.WeekStart(date));
    }

    [Fact]
    public void A_bad_cron_stops_the_start()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Motcua:Plans:WeeklyReportCron"] = "every friday" }).Build();

        Assert.Throws<InvalidOperationException>(() => PlansSchedule.FromConfiguration(configuration));
    }
}
