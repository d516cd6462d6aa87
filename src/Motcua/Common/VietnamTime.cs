namespace Motcua.Common;

/// <summary>
/// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact and avoids
/// depending on the host's time-zone database. Legal times (receipt, deadlines) are local wall-clock
/// times; instants (audit) are stored in UTC.
/// </summary>
internal static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime Now(TimeProvider clock) =>
        DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime + Offset, DateTimeKind.Unspecified);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));

    public static DateTime ToLocal(DateTime utc) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset, DateTimeKind.Unspecified);
}
